import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LendingDashboardCards } from '../lending/dashboard-cards';
import { useWatch } from '../lib/client';
import { RequestsDashboardCards } from '../requests/dashboard-cards';

function Stat({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value ?? '—'}
      </Text>
    </Paper>
  );
}

export function Dashboard() {
  const { t } = useTranslation();
  const stats = useWatch('people.stats', {});
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Button component={Link} to="/staff/people" variant="light">
          {t('dashboard.openPeople')}
        </Button>
      </Group>
      <Title order={4} mb="xs">
        {t('dashboard.people')}
      </Title>
      <SimpleGrid cols={3}>
        <Stat label={t('people.total')} value={stats.data?.total} testId="stat-total" />
        <Stat label={t('dashboard.activePeople')} value={stats.data?.active} testId="stat-active" />
        <Stat label={t('dashboard.newThisMonth')} value={stats.data?.newThisMonth} testId="stat-new" />
      </SimpleGrid>
      <LendingDashboardCards />
      <RequestsDashboardCards />
    </>
  );
}

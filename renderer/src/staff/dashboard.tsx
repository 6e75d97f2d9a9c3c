import { Button, Group, SimpleGrid, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatCard } from '../components/stat-card';
import { LendingDashboardCards } from '../lending/dashboard-cards';
import { useWatch } from '../lib/client';
import { RequestsDashboardCards } from '../requests/dashboard-cards';


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
        <StatCard label={t('people.total')} value={stats.data?.total} testId="stat-total" />
        <StatCard label={t('dashboard.activePeople')} value={stats.data?.active} testId="stat-active" />
        <StatCard label={t('dashboard.newThisMonth')} value={stats.data?.newThisMonth} testId="stat-new" />
      </SimpleGrid>
      <LendingDashboardCards />
      <RequestsDashboardCards />
    </>
  );
}

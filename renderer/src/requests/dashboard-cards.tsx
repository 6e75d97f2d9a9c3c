import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useWatch } from '../lib/client';
import { isManager, useSession } from '../lib/session';

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

/** Requests's counts on the front-desk dashboard (live): approvals waiting, general and borrow together. */
export function RequestsDashboardCards() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const count = useWatch('approvals.count', {});
  return (
    <>
      <Group justify="space-between" mt="lg" mb="xs">
        <Title order={4}>{t('requests.dashboard.title')}</Title>
        {isManager(session) && (
          <Button component={Link} to="/staff/approvals" variant="light" size="xs">
            {t('requests.dashboard.open')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={3}>
        <Stat label={t('requests.dashboard.waiting')} value={count.data?.total} testId="stat-approvals-waiting" />
        <Stat label={t('requests.dashboard.general')} value={count.data?.general} testId="stat-approvals-general" />
        <Stat label={t('requests.dashboard.borrow')} value={count.data?.borrow} testId="stat-approvals-borrow" />
      </SimpleGrid>
    </>
  );
}

import { Button, Group, SimpleGrid, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatCard } from '../components/stat-card';
import { useWatch } from '../lib/client';
import { isManager, useSession } from '../lib/session';


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
        <StatCard label={t('requests.dashboard.waiting')} value={count.data?.total} testId="stat-approvals-waiting" />
        <StatCard label={t('requests.dashboard.general')} value={count.data?.general} testId="stat-approvals-general" />
        <StatCard label={t('requests.dashboard.borrow')} value={count.data?.borrow} testId="stat-approvals-borrow" />
      </SimpleGrid>
    </>
  );
}

import { Anchor, Group, SimpleGrid, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatCard } from '../components/stat-card';
import { useWatch } from '../lib/client';
import { useTick } from './common';


function Counts() {
  const { t } = useTranslation();
  const counts = useWatch('lending.counts', {});
  const c = counts.data;
  return (
    <SimpleGrid cols={4}>
      <StatCard label={t('lending.dashboard.waitingInspection')} value={c?.waitingInspection} testId="lending-waiting-inspection" to="/staff/lending" />
      {/* Borrow requests waiting for a decision are counted with the approvals (Requests' cards). */}
      <StatCard label={t('lending.dashboard.approved')} value={c?.approved} testId="lending-approved" to="/staff/lending/check-out" />
      <StatCard label={t('lending.dashboard.out')} value={c?.out} testId="lending-out" to="/staff/lending/check-in" />
      <StatCard label={t('lending.dashboard.overdue')} value={c?.overdue} testId="lending-overdue" to="/staff/lending/overdue" color="red" />
    </SimpleGrid>
  );
}

/** Lending's counts on the front-desk dashboard (live; overdue also moves with the time). */
export function LendingDashboardCards() {
  const { t } = useTranslation();
  const tick = useTick(60_000);
  return (
    <>
      <Group justify="space-between" mt="lg" mb="xs">
        <Title order={4}>{t('lending.dashboard.title')}</Title>
        <Anchor component={Link} to="/staff/lending" size="sm">
          {t('lending.dashboard.open')}
        </Anchor>
      </Group>
      <Counts key={tick} />
    </>
  );
}

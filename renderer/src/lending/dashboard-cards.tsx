import { Anchor, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useWatch } from '../lib/client';
import { useTick } from './common';

function Card({ label, value, testId, to, color }: { label: string; value: number | undefined; testId: string; to: string; color?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component={Link} to={to} style={{ textDecoration: 'none', color: 'inherit' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} c={value ? color : undefined}>
        {value ?? '—'}
      </Text>
    </Paper>
  );
}

function Counts() {
  const { t } = useTranslation();
  const counts = useWatch('lending.counts', {});
  const c = counts.data;
  return (
    <SimpleGrid cols={4}>
      <Card label={t('lending.dashboard.waitingInspection')} value={c?.waitingInspection} testId="lending-waiting-inspection" to="/staff/lending" />
      {/* Borrow requests waiting for a decision are counted with the approvals (Requests' cards). */}
      <Card label={t('lending.dashboard.approved')} value={c?.approved} testId="lending-approved" to="/staff/lending/check-out" />
      <Card label={t('lending.dashboard.out')} value={c?.out} testId="lending-out" to="/staff/lending/check-in" />
      <Card label={t('lending.dashboard.overdue')} value={c?.overdue} testId="lending-overdue" to="/staff/lending/overdue" color="red" />
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

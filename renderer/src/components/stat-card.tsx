import { Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';

/** A live count on a dashboard; with `to`, the whole card opens the list behind the number. */
export function StatCard({ label, value, testId, to, color }: { label: string; value: number | undefined; testId: string; to?: string; color?: string }) {
  const body = (
    <>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} c={value ? color : undefined}>
        {value ?? '—'}
      </Text>
    </>
  );
  return to ? (
    <Paper withBorder p="md" radius="md" component={Link} to={to} style={{ textDecoration: 'none', color: 'inherit' }}>
      {body}
    </Paper>
  ) : (
    <Paper withBorder p="md" radius="md">
      {body}
    </Paper>
  );
}

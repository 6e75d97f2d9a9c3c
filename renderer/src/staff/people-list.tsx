import { Badge, Box, Button, Group, Paper, SegmentedControl, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../shared/contract/entities';
import { useWatch } from '../lib/client';
import { isAdmin, useSession } from '../lib/session';
import { ErrorNote } from '../components/field-error';
import { StatCard } from '../components/stat-card';

type StatusFilter = 'active' | 'inactive' | 'all' | 'deleted';
const ROW_HEIGHT = 44;
const COLUMNS = 'minmax(180px, 2fr) minmax(200px, 2fr) minmax(140px, 1fr) 110px';

export function StatusBadge({ row }: { row: Pick<PersonRow, 'active' | 'deletedAt'> }) {
  const { t } = useTranslation();
  if (row.deletedAt !== null) return <Badge color="red" variant="light">{t('common.deleted')}</Badge>;
  return row.active ? <Badge color="teal" variant="light">{t('common.active')}</Badge> : <Badge color="gray" variant="light">{t('common.inactive')}</Badge>;
}

export function PeopleList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [status, setStatus] = useState<StatusFilter>('active');
  const list = useWatch('people.list', { search: debounced, status, limit: 500 });
  const stats = useWatch('people.stats', {});
  const rows = list.data?.rows ?? [];
  const parentRef = useRef<HTMLDivElement>(null);
  // Only the rows in view are in the DOM: the list stays fast at 100,000 people.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  const filters = [
    { value: 'active', label: t('common.active') },
    { value: 'inactive', label: t('common.inactive') },
    { value: 'all', label: t('common.all') },
    ...(isAdmin(session) ? [{ value: 'deleted', label: t('common.deleted') }] : []),
  ];

  return (
    <Box>
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('people.title')}</Title>
        <Button component={Link} to="/staff/people/new">
          {t('people.new')}
        </Button>
      </Group>
      <SimpleGrid cols={3} mb="sm">
        <StatCard label={t('people.total')} value={stats.data?.total} testId="stat-total" />
        <StatCard label={t('dashboard.activePeople')} value={stats.data?.active} testId="stat-active" />
        <StatCard label={t('dashboard.newThisMonth')} value={stats.data?.newThisMonth} testId="stat-new" />
      </SimpleGrid>
      <Group mb="sm" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          aria-label={t('common.search')}
          placeholder={t('people.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoFocus
        />
        <SegmentedControl value={status} onChange={(v) => setStatus(v as StatusFilter)} data={filters} aria-label={t('common.status')} />
      </Group>
      <ErrorNote error={list.error} />
      <Paper withBorder role="table" aria-label={t('people.title')} aria-rowcount={rows.length}>
        <Box role="row" px="md" py={8} style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 12, borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}>
          <Text role="columnheader" size="sm" fw={600}>{t('common.name')}</Text>
          <Text role="columnheader" size="sm" fw={600}>{t('common.email')}</Text>
          <Text role="columnheader" size="sm" fw={600}>{t('common.phone')}</Text>
          <Text role="columnheader" size="sm" fw={600}>{t('common.status')}</Text>
        </Box>
        <div ref={parentRef} style={{ height: 'calc(100vh - 330px)', minHeight: 200, overflow: 'auto' }} data-testid="people-scroller">
          {list.data && rows.length === 0 && (
            <Text c="dimmed" p="md">
              {t('people.empty')}
            </Text>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return (
                <Box
                  key={row.id}
                  role="row"
                  tabIndex={0}
                  data-testid="person-row"
                  onClick={() => void navigate({ to: '/staff/people/$personId', params: { personId: row.id } })}
                  onKeyDown={(e) => e.key === 'Enter' && void navigate({ to: '/staff/people/$personId', params: { personId: row.id } })}
                  px="md"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    gap: 12,
                    alignItems: 'center',
                    cursor: 'pointer',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  <Text role="cell" truncate fw={500}>{row.name}</Text>
                  <Text role="cell" truncate size="sm">{row.email}</Text>
                  <Text role="cell" truncate size="sm">{row.phone}</Text>
                  <Box role="cell"><StatusBadge row={row} /></Box>
                </Box>
              );
            })}
          </div>
        </div>
      </Paper>
      <Text size="xs" c="dimmed" mt={4} data-testid="people-count">
        {list.data?.more ? t('people.more', { count: rows.length }) : t('people.countOfTotal', { shown: rows.length, total: list.data?.total ?? 0 })}
      </Text>
    </Box>
  );
}

import { Badge, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../shared/contract/entities';
import type { BorrowStatus } from '../../../shared/lending/borrow-machine';
import type { ItemStatus as ItemState } from '../../../shared/lending/item-machine';
import { useWatch } from '../lib/client';


const ITEM_COLORS: Record<ItemState, string> = {
  PENDING_VERIFICATION: 'yellow',
  AVAILABLE: 'teal',
  REJECTED: 'red',
  RESERVED: 'violet',
  CHECKED_OUT: 'blue',
  WITHDRAWN: 'gray',
};

const BORROW_COLORS: Record<BorrowStatus, string> = {
  PENDING: 'yellow',
  APPROVED: 'violet',
  DENIED: 'red',
  CANCELLED: 'gray',
  CHECKED_OUT: 'blue',
  RETURNED: 'teal',
};

export function ItemStatusBadge({ status, size = 'md' }: { status: ItemState; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={ITEM_COLORS[status]} variant="light" size={size} data-testid="item-status">
      {t(`lending.status.${status}`)}
    </Badge>
  );
}

export function BorrowStatusBadge({ status, size = 'md' }: { status: BorrowStatus; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={BORROW_COLORS[status]} variant="light" size={size} data-testid="borrow-status">
      {t(`lending.borrowStatus.${status}`)}
    </Badge>
  );
}

/** Dates as people read them, in the screen's language. */
export function useDates() {
  const { i18n } = useTranslation();
  return {
    date: (ms: number | null | undefined) => (ms ? new Date(ms).toLocaleDateString(i18n.language, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }) : '—'),
    dateTime: (ms: number | null | undefined) => (ms ? new Date(ms).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '—'),
  };
}

/** A counter that changes every `ms`: remounting a live list with it re-reads what depends on the time (overdue). */
export function useTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return tick;
}

/** The 1–5 condition rating as five labelled choices (a radio group: keyboard and touch). */
export function ConditionPicker({ value, onChange, error, size = 'md' }: { value: number | null; onChange: (v: number) => void; error?: string; size?: 'md' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={500} size={size === 'md' ? 'sm' : 'xl'} id="condition-label">
        {t('lending.condition.label')}
      </Text>
      <SimpleGrid cols={5} spacing={6} role="radiogroup" aria-labelledby="condition-label">
        {[1, 2, 3, 4, 5].map((n) => {
          const picked = value === n;
          return (
            <Button
              key={n}
              role="radio"
              aria-checked={picked}
              h={size === 'md' ? 56 : 88}
              px={4}
              variant={picked ? 'filled' : 'default'}
              color={n >= 3 ? 'teal' : 'red'}
              onClick={() => onChange(n)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' && n < 5) onChange(n + 1);
                if (e.key === 'ArrowLeft' && n > 1) onChange(n - 1);
              }}
              styles={{ label: { flexDirection: 'column', lineHeight: 1.1 } }}
              aria-label={`${n} · ${t(`lending.condition.${n}`)}`}
            >
              <Text span fw={700} fz={size === 'md' ? 18 : 30} c="inherit">
                {n}
              </Text>
              <Text span fz={size === 'md' ? 12 : 18} c="inherit">
                {t(`lending.condition.${n}`)}
              </Text>
            </Button>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('lending.condition.hint')}
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Find an active person by name, email or phone and pick one. */
export function PersonPicker({ label, value, onChange, error }: { label: string; value: PersonRow | null; onChange: (p: PersonRow | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const list = useWatch('people.list', { search: debounced, status: 'active', limit: 8 }, debounced.trim().length > 0);
  if (value) {
    return (
      <Stack gap={4}>
        <Text fw={500} size="sm">
          {label}
        </Text>
        <Group>
          <Text data-testid="picked-person">
            {value.name} {value.email && <Text span c="dimmed" size="sm">{value.email}</Text>}
          </Text>
          <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
            {t('common.edit')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput label={label} placeholder={t('people.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} error={error} />
      {debounced.trim() && (
        <Stack gap={2}>
          {(list.data?.rows ?? []).map((p) => (
            <Button key={p.id} variant="default" justify="space-between" onClick={() => onChange(p)} rightSection={<Text size="xs">{p.email} {p.phone}</Text>}>
              {p.name}
            </Button>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

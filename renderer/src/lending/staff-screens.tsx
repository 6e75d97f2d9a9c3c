import { Alert, Anchor, Badge, Button, Group, Modal, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../shared/contract';
import type { PersonRow } from '../../../shared/contract/entities';
import type { BorrowRequest, LendingItem } from '../../../shared/contract/lending';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import type { BorrowStatus } from '../../../shared/lending/borrow-machine';
import { ITEM_CATEGORIES, type Ownership } from '../../../shared/lending/rules';
import { ConfirmButton } from '../components/confirm';
import { ErrorNote } from '../components/field-error';
import { call, useWatch } from '../lib/client';
import { checkFields } from '../lib/forms';
import { isManager, useSession } from '../lib/session';
import { BorrowStatusBadge, ConditionPicker, ItemStatusBadge, PersonPicker, useDates, useTick } from './common';

const TABS = [
  { value: 'inspection', to: '/staff/lending' },
  { value: 'checkOut', to: '/staff/lending/check-out' },
  { value: 'checkIn', to: '/staff/lending/check-in' },
  { value: 'loans', to: '/staff/lending/loans' },
  { value: 'overdue', to: '/staff/lending/overdue' },
  { value: 'newItem', to: '/staff/lending/items/new' },
] as const;
type TabName = (typeof TABS)[number]['value'];

/** The Lending section's sub-navigation, with live counts on the tabs that have work waiting. */
function LendingTabs({ current }: { current: TabName | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const counts = useWatch('lending.counts', {});
  const badge = (n: number | undefined, color: string) =>
    n ? (
      <Badge size="sm" color={color} variant="filled" circle={n < 10}>
        {n}
      </Badge>
    ) : null;
  const extra: Partial<Record<TabName, ReactNode>> = {
    inspection: badge(counts.data?.waitingInspection, 'yellow'),
    checkOut: badge(counts.data?.approved, 'violet'),
    checkIn: badge(counts.data?.out, 'blue'),
    overdue: badge(counts.data?.overdue, 'red'),
  };
  return (
    <Stack gap="xs" mb="md">
      <Title order={2}>{t('lending.title')}</Title>
      <Tabs value={current} onChange={(v) => void navigate({ to: TABS.find((tab) => tab.value === v)?.to ?? '/staff/lending' })}>
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} rightSection={extra[tab.value]}>
              {t(`lending.tabs.${tab.value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Stack>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

const linkStyle = { color: 'var(--mantine-color-anchor)', textDecoration: 'none' } as const;

const ItemLink = ({ id, name }: { id: string; name: string }) => (
  <Link to="/staff/lending/items/$itemId" params={{ itemId: id }} style={linkStyle}>
    {name}
  </Link>
);

const RequestLink = ({ id, children }: { id: string; children: ReactNode }) => (
  <Link to="/staff/lending/requests/$requestId" params={{ requestId: id }} style={linkStyle}>
    {children}
  </Link>
);

/** Rate an item waiting for inspection. */
function InspectionForm({ item, onDone }: { item: LendingItem; onDone: (after: LendingItem) => void }) {
  const { t } = useTranslation();
  const [condition, setCondition] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { itemId: item.id, condition: condition ?? undefined, notes };
    const local = checkFields(methods['lending.inspect'].input, input);
    setFields(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    const r = await call('lending.inspect', { itemId: item.id, condition: condition!, notes });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    setError(null);
    setCondition(null);
    setNotes('');
    onDone(r.value);
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('lending.inspection.formTitle', { name: item.name })}>
      <Stack>
        <ConditionPicker value={condition} onChange={(v) => { setCondition(v); setFields(({ condition: _gone, ...rest }) => rest); }} error={fields.condition} />
        <Textarea label={t('lending.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fields.notes} autosize minRows={2} />
        <ErrorNote error={error && !error.fields ? error : null} />
        <Button type="submit" loading={busy} w="fit-content">
          {t('lending.inspection.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function ItemFacts({ item }: { item: LendingItem }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Field label={t('lending.field.code')} testId="item-code">
        <Text ff="monospace">{item.code}</Text>
      </Field>
      <Field label={t('lending.field.category')}>{t(`lending.category.${item.category}`)}</Field>
      <Field label={t('lending.field.owner')}>{item.ownership === 'site' ? t('lending.ownership.site') : item.ownerName || '—'}</Field>
      <Field label={t('lending.condition.label')}>{item.condition === null ? t('lending.condition.none') : `${t('lending.condition.value', { value: item.condition })} · ${t(`lending.condition.${item.condition}`)}`}</Field>
      {item.description && (
        <div style={{ gridColumn: '1 / -1' }}>
          <Field label={t('lending.field.description')}>{item.description}</Field>
        </div>
      )}
    </SimpleGrid>
  );
}

export function InspectionQueueScreen() {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const queue = useWatch('lending.inspectionQueue', { limit: 200 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = queue.data?.rows ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  return (
    <>
      <LendingTabs current="inspection" />
      <Group justify="space-between" mb="xs">
        <Text c="dimmed" size="sm">
          {t('lending.inspection.hint')}
        </Text>
        <Text size="sm" data-testid="queue-total">
          {t('lending.inspection.total', { count: queue.data?.total ?? 0 })}
        </Text>
      </Group>
      {notice && (
        <Alert color={notice.ok ? 'teal' : 'orange'} mb="sm" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      <ErrorNote error={queue.error} />
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder>
          <ScrollArea h="calc(100vh - 260px)">
            {queue.data && rows.length === 0 && (
              <Text c="dimmed" p="md">
                {t('lending.inspection.empty')}
              </Text>
            )}
            <Stack gap={0} role="list" aria-label={t('lending.inspection.title')}>
              {rows.map((item) => (
                <Button
                  key={item.id}
                  role="listitem"
                  data-testid="queue-row"
                  variant={item.id === selectedId ? 'light' : 'subtle'}
                  color={item.id === selectedId ? 'blue' : 'dark'}
                  radius={0}
                  h="auto"
                  py="xs"
                  justify="flex-start"
                  onClick={() => setSelectedId(item.id)}
                  styles={{ label: { display: 'block', width: '100%' } }}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <Group justify="space-between" wrap="nowrap" w="100%">
                    <Stack gap={0} align="flex-start">
                      <Text fw={600}>{item.name}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`lending.category.${item.category}`)} · {item.ownership === 'site' ? t('lending.ownership.site') : item.ownerName}
                      </Text>
                    </Stack>
                    <Stack gap={0} align="flex-end">
                      <Text size="xs" c="dimmed">
                        {t('lending.field.waitingSince')}
                      </Text>
                      <Text size="xs">{dateTime(item.updatedAt)}</Text>
                    </Stack>
                  </Group>
                </Button>
              ))}
            </Stack>
          </ScrollArea>
        </Paper>
        <Paper withBorder p="md">
          {selected ? (
            <Stack>
              <Group justify="space-between">
                <Title order={3}>{t('lending.inspection.formTitle', { name: selected.name })}</Title>
                <ItemLink id={selected.id} name={t('lending.item.open')} />
              </Group>
              <ItemFacts item={selected} />
              <InspectionForm
                key={selected.id}
                item={selected}
                onDone={(after) => {
                  setSelectedId(null);
                  setNotice(after.status === 'AVAILABLE' ? { ok: true, text: t('lending.inspection.passed', { name: after.name }) } : { ok: false, text: t('lending.inspection.failed', { name: after.name }) });
                }}
              />
            </Stack>
          ) : (
            <Text c="dimmed">{t('lending.inspection.choose')}</Text>
          )}
        </Paper>
      </SimpleGrid>
    </>
  );
}

/** Scan or type: a scanner types the label code and Enter; people can type a name. */
function ItemFinder({ onPick, pickedId }: { onPick: (id: string) => void; pickedId: string | null }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const found = useWatch('lending.lookup', { query: debounced }, debounced.trim().length > 0);
  const rows = debounced.trim() ? (found.data ?? []) : [];
  const only = rows.length === 1 ? rows[0].item.id : null;
  useEffect(() => {
    if (only && only !== pickedId) onPick(only);
    // Only a new single match picks by itself; choosing by hand stays.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [only]);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('lending.desk.scanLabel')}
        placeholder={t('lending.desk.scanPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && rows.length > 0) onPick(rows[0].item.id);
        }}
        autoFocus
        size="md"
        data-testid="item-finder"
      />
      {debounced.trim() && found.data && rows.length === 0 && <Text c="dimmed">{t('lending.desk.noMatch')}</Text>}
      <Stack gap={2}>
        {rows.map((r) => (
          <Button
            key={r.item.id}
            variant={r.item.id === pickedId ? 'light' : 'default'}
            justify="space-between"
            onClick={() => onPick(r.item.id)}
            data-testid="finder-row"
            rightSection={<ItemStatusBadge status={r.item.status} />}
          >
            {r.item.name} <Text span ff="monospace" size="xs" c="dimmed" ml="xs">{r.item.code}</Text>
          </Button>
        ))}
      </Stack>
    </Stack>
  );
}

function BorrowerWarnings({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const page = useWatch('lending.request', { requestId });
  const b = page.data?.borrower;
  if (!b) return null;
  return (
    <>
      {b.blocked && <Alert color="red">{t('lending.desk.blockedWarning', { name: b.name })}</Alert>}
      {!b.active && <Alert color="orange">{t('lending.desk.inactiveWarning', { name: b.name })}</Alert>}
      <Text size="sm" c="dimmed">
        {[b.email, b.phone].filter(Boolean).join(' · ')}
      </Text>
    </>
  );
}

function DeskScreen({ mode }: { mode: 'checkOut' | 'checkIn' }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const [pickedId, setPickedId] = useState<string | null>(null);
  const view = useWatch('lending.item', { itemId: pickedId ?? '' }, pickedId !== null);
  const [notice, setNotice] = useState<{ color: string; lines: string[]; testId: string } | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [condition, setCondition] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const data = view.data && view.data.item.id === pickedId ? view.data : null;
  const holding = data?.loans.find((l) => l.status === 'APPROVED' || l.status === 'CHECKED_OUT') ?? null;
  const pending = data?.loans.filter((l) => l.status === 'PENDING') ?? [];

  const pick = (id: string) => {
    setPickedId(id);
    setError(null);
    setFields({});
    setCondition(null);
    setNotes('');
  };

  async function checkOut(req: BorrowRequest) {
    const r = await call('lending.checkOut', { requestId: req.id });
    if (!r.ok) return setError(r.error);
    setError(null);
    setNotice({ color: 'teal', lines: [t('lending.desk.checkedOut', { name: r.value.requesterName, date: date(r.value.dueAt) })], testId: 'checkout-done' });
  }

  async function checkIn(req: BorrowRequest) {
    const input = { requestId: req.id, condition: condition ?? undefined, notes };
    const local = checkFields(methods['lending.checkIn'].input, input);
    setFields(local);
    if (Object.keys(local).length) return;
    const r = await call('lending.checkIn', { requestId: req.id, condition: condition!, notes });
    if (!r.ok) return setError(r.error);
    setError(null);
    const back = r.value;
    const lines = [back.late ? t('lending.desk.checkedInLate', { name: back.itemName, count: back.daysOverdue }) : t('lending.desk.checkedIn', { name: back.itemName })];
    if ((back.returnCondition ?? 5) < 3) lines.push(t('lending.desk.backToInspection'));
    setNotice({ color: back.late || (back.returnCondition ?? 5) < 3 ? 'orange' : 'teal', lines, testId: 'checkin-done' });
    setCondition(null);
    setNotes('');
  }

  return (
    <>
      <LendingTabs current={mode} />
      <Text c="dimmed" size="sm" mb="sm">
        {t(mode === 'checkOut' ? 'lending.desk.checkOutHint' : 'lending.desk.checkInHint')}
      </Text>
      {notice && (
        <Alert color={notice.color} mb="sm" role="status" data-testid={notice.testId} withCloseButton onClose={() => setNotice(null)}>
          {notice.lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md">
          <ItemFinder onPick={pick} pickedId={pickedId} />
        </Paper>
        <Paper withBorder p="md">
          {!data ? (
            <Text c="dimmed">{t('lending.desk.scanLabel')}</Text>
          ) : (
            <Stack>
              <Group justify="space-between">
                <Title order={3}>
                  <ItemLink id={data.item.id} name={data.item.name} />
                </Title>
                <ItemStatusBadge status={data.item.status} />
              </Group>
              <ItemFacts item={data.item} />
              <ErrorNote error={error} />
              {mode === 'checkOut' && holding?.status === 'APPROVED' && (
                <Stack>
                  <Title order={4}>{t('lending.desk.confirmBorrower', { name: holding.requesterName })}</Title>
                  <BorrowerWarnings requestId={holding.id} />
                  <Button size="md" onClick={() => void checkOut(holding)} w="fit-content">
                    {t('lending.desk.confirmCheckOut', { name: holding.requesterName })}
                  </Button>
                </Stack>
              )}
              {holding?.status === 'CHECKED_OUT' && (
                <Stack gap="xs">
                  <Field label={t('lending.field.borrower')}>
                    <RequestLink id={holding.id}>{holding.requesterName}</RequestLink>
                  </Field>
                  <Field label={t('lending.field.dueAt')} testId="due-date">
                    {date(holding.dueAt)}
                  </Field>
                  {holding.daysOverdue > 0 && <Badge color="red" tt="none">{t('lending.overdue.days', { count: holding.daysOverdue })}</Badge>}
                </Stack>
              )}
              {mode === 'checkIn' && holding?.status === 'CHECKED_OUT' && (
                <Stack>
                  <ConditionPicker value={condition} onChange={(v) => { setCondition(v); setFields(({ condition: _gone, ...rest }) => rest); }} error={fields.condition} />
                  <Textarea label={t('lending.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} error={fields.notes} />
                  <Button size="md" onClick={() => void checkIn(holding)} w="fit-content">
                    {t('lending.desk.checkIn')}
                  </Button>
                </Stack>
              )}
              {mode === 'checkOut' && !holding && (
                <Alert color="gray">
                  {t('lending.desk.noApproved')}
                  {pending.length > 0 && (
                    <Stack gap={2} mt="xs">
                      <Text size="sm">{t('lending.desk.pendingWaiting', { count: pending.length })}</Text>
                      {pending.map((p) => (
                        <RequestLink key={p.id} id={p.id}>
                          {p.requesterName}
                        </RequestLink>
                      ))}
                    </Stack>
                  )}
                </Alert>
              )}
              {mode === 'checkIn' && holding?.status !== 'CHECKED_OUT' && <Alert color="gray">{t('lending.desk.notOut')}</Alert>}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
    </>
  );
}

export const CheckOutScreen = () => <DeskScreen mode="checkOut" />;
export const CheckInScreen = () => <DeskScreen mode="checkIn" />;

const LIST_STATUSES: BorrowStatus[] = ['PENDING', 'APPROVED', 'CHECKED_OUT', 'RETURNED', 'DENIED', 'CANCELLED'];

export function LoansScreen() {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const [status, setStatus] = useState<BorrowStatus>('PENDING');
  const list = useWatch('lending.requests', { status, limit: 500 });
  const rows = list.data?.rows ?? [];
  return (
    <>
      <LendingTabs current="loans" />
      <Group justify="space-between" mb="sm">
        <SegmentedControl value={status} onChange={(v) => setStatus(v as BorrowStatus)} data={LIST_STATUSES.map((s) => ({ value: s, label: t(`lending.borrowStatus.${s}`) }))} aria-label={t('lending.field.status')} />
        <Text size="sm">{t('lending.loans.total', { count: list.data?.total ?? 0 })}</Text>
      </Group>
      <ErrorNote error={list.error} />
      <Paper withBorder>
        <ScrollArea h="calc(100vh - 260px)">
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lending.field.item')}</Table.Th>
                <Table.Th>{t('lending.field.borrower')}</Table.Th>
                <Table.Th>{t('lending.field.requestedAt')}</Table.Th>
                <Table.Th>{status === 'CHECKED_OUT' ? t('lending.field.dueAt') : t('lending.field.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="loan-row">
                  <Table.Td>
                    <RequestLink id={r.id}>{r.itemName}</RequestLink>
                  </Table.Td>
                  <Table.Td>{r.requesterName}</Table.Td>
                  <Table.Td>{dateTime(r.createdAt)}</Table.Td>
                  <Table.Td>{status === 'CHECKED_OUT' ? date(r.dueAt) : <BorrowStatusBadge status={r.status} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data && rows.length === 0 && (
            <Text c="dimmed" p="md">
              {t('lending.loans.empty')}
            </Text>
          )}
        </ScrollArea>
      </Paper>
    </>
  );
}

function OverdueList() {
  const { t } = useTranslation();
  const { date } = useDates();
  const list = useWatch('lending.overdue', { limit: 500 });
  const rows = list.data?.rows ?? [];
  return (
    <>
      <ErrorNote error={list.error} />
      <Paper withBorder>
        <Table striped stickyHeader aria-label={t('lending.overdue.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lending.field.item')}</Table.Th>
              <Table.Th>{t('lending.field.borrower')}</Table.Th>
              <Table.Th>{t('common.email')}</Table.Th>
              <Table.Th>{t('common.phone')}</Table.Th>
              <Table.Th>{t('lending.field.dueAt')}</Table.Th>
              <Table.Th>{t('lending.field.daysOverdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="overdue-row">
                <Table.Td>
                  <RequestLink id={r.id}>{r.itemName}</RequestLink>
                </Table.Td>
                <Table.Td>{r.requesterName}</Table.Td>
                <Table.Td>{r.borrowerEmail ? <Anchor size="sm" href={`mailto:${r.borrowerEmail}`}>{r.borrowerEmail}</Anchor> : '—'}</Table.Td>
                <Table.Td>{r.borrowerPhone || '—'}</Table.Td>
                <Table.Td>{date(r.dueAt)}</Table.Td>
                <Table.Td>
                  <Badge color="red" tt="none" data-testid="days-overdue">
                    {t('lending.overdue.days', { count: r.daysOverdue })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && rows.length === 0 && (
          <Text c="dimmed" p="md">
            {t('lending.overdue.empty')}
          </Text>
        )}
      </Paper>
    </>
  );
}

export function OverdueScreen() {
  const { t } = useTranslation();
  // Being overdue depends on the time, not only on the data: read the list again every minute.
  const tick = useTick(60_000);
  return (
    <>
      <LendingTabs current="overdue" />
      <Text c="dimmed" size="sm" mb="sm">
        {t('lending.overdue.hint')}
      </Text>
      <OverdueList key={tick} />
    </>
  );
}

function HistoryTable({ entries }: { entries: { id: string; at: number; actorName: string; action: string }[] }) {
  const { dateTime } = useDates();
  return (
    <Table striped>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{dateTime(e.at)}</Table.Td>
            <Table.Td>{e.actorName}</Table.Td>
            <Table.Td>
              <Text ff="monospace" size="sm">
                {e.action}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RequestForPerson({ item }: { item: LendingItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [person, setPerson] = useState<PersonRow | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('lending.item.requestFor')}
      </Title>
      <Stack>
        <PersonPicker label={t('lending.item.requestForHint')} value={person} onChange={setPerson} />
        <ErrorNote error={error} />
        <Button
          w="fit-content"
          disabled={!person}
          onClick={async () => {
            if (!person) return;
            const r = await call('lending.requestBorrow', { itemId: item.id, borrowerId: person.id });
            if (!r.ok) return setError(r.error);
            await navigate({ to: '/staff/lending/requests/$requestId', params: { requestId: r.value.id } });
          }}
        >
          {t('lending.item.requestFor')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function ItemDetailScreen() {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const { itemId } = useParams({ from: '/staff/lending/items/$itemId' });
  const view = useWatch('lending.item', { itemId });
  const [error, setError] = useState<ErrorBody | null>(null);
  if (!view.data) return <ErrorNote error={view.error} />;
  const { item, inspections, loans, history } = view.data;
  const canWithdraw = ['PENDING_VERIFICATION', 'AVAILABLE', 'RESERVED', 'REJECTED'].includes(item.status);
  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{item.name}</Title>
          <ItemStatusBadge status={item.status} size="lg" />
        </Group>
        <Button variant="subtle" component={Link} to="/staff/lending">
          {t('lending.item.back')}
        </Button>
      </Group>
      <Paper withBorder p="md">
        <ItemFacts item={item} />
      </Paper>
      <ErrorNote error={error} />
      {canWithdraw && (
        <Group>
          <ConfirmButton
            label={t('lending.item.withdraw')}
            color="orange"
            message={t('lending.item.confirmWithdraw', { name: item.name })}
            onConfirm={async () => {
              const r = await call('lending.withdrawItem', { itemId: item.id });
              setError(r.ok ? null : r.error);
            }}
          />
        </Group>
      )}
      {item.status === 'PENDING_VERIFICATION' && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('lending.item.inspectNow')}
          </Title>
          <InspectionForm item={item} onDone={() => undefined} />
        </Paper>
      )}
      {item.status === 'AVAILABLE' && <RequestForPerson item={item} />}
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('lending.item.inspections')}
        </Title>
        {inspections.length === 0 ? (
          <Text c="dimmed">{t('lending.item.noInspections')}</Text>
        ) : (
          <Table striped data-testid="inspections">
            <Table.Tbody>
              {inspections.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{dateTime(i.at)}</Table.Td>
                  <Table.Td>{t(i.stage === 'intake' ? 'lending.item.stageIntake' : 'lending.item.stageReturn')}</Table.Td>
                  <Table.Td>
                    <Badge color={i.condition >= 3 ? 'teal' : 'red'} variant="light">
                      {i.condition} · {t(`lending.condition.${i.condition}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{i.notes}</Table.Td>
                  <Table.Td>{i.byName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('lending.item.loans')}
        </Title>
        {loans.length === 0 ? (
          <Text c="dimmed">{t('lending.item.noLoans')}</Text>
        ) : (
          <Table striped data-testid="loans">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lending.field.borrower')}</Table.Th>
                <Table.Th>{t('lending.field.status')}</Table.Th>
                <Table.Th>{t('lending.field.requestedAt')}</Table.Th>
                <Table.Th>{t('lending.field.dueAt')}</Table.Th>
                <Table.Th>{t('lending.field.returnedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loans.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <RequestLink id={l.id}>{l.requesterName}</RequestLink>
                  </Table.Td>
                  <Table.Td>
                    <BorrowStatusBadge status={l.status} />
                  </Table.Td>
                  <Table.Td>{dateTime(l.createdAt)}</Table.Td>
                  <Table.Td>{date(l.dueAt)}</Table.Td>
                  <Table.Td>
                    {l.returnedAt ? `${date(l.returnedAt)}${l.late ? ` · ${t('lending.request.late', { count: l.daysOverdue })}` : ''}` : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('lending.item.history')}
        </Title>
        <HistoryTable entries={history} />
      </Paper>
    </Stack>
  );
}

function DenyDialog({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkFields(methods['lending.denyBorrow'].input, { requestId, reason });
    setFields(local);
    if (Object.keys(local).length) return;
    const r = await call('lending.denyBorrow', { requestId, reason });
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    onClose();
  }
  return (
    <Modal opened onClose={onClose} title={t('lending.request.denyTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('lending.field.reason')} description={t('lending.request.denyHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} autosize minRows={3} data-autofocus />
          <ErrorNote error={error && !error.fields ? error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('lending.request.deny')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RequestDetailScreen() {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const session = useSession((s) => s.session);
  const { requestId } = useParams({ from: '/staff/lending/requests/$requestId' });
  const page = useWatch('lending.request', { requestId });
  const [error, setError] = useState<ErrorBody | null>(null);
  const [denying, setDenying] = useState(false);
  const [condition, setCondition] = useState<number | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  if (!page.data) return <ErrorNote error={page.error} />;
  const { request: r, item, borrower, holder, history } = page.data;
  const manager = isManager(session);
  const act = async (p: Promise<{ ok: boolean; error?: ErrorBody }>) => {
    const result = await p;
    setError(result.ok ? null : (result.error ?? null));
  };
  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Group>
          <Title order={2}>
            {t('lending.request.title')}: {r.itemName}
          </Title>
          <BorrowStatusBadge status={r.status} size="lg" />
        </Group>
        <Button variant="subtle" component={Link} to="/staff/lending/loans">
          {t('lending.item.back')}
        </Button>
      </Group>
      {holder && (r.status === 'PENDING' || r.status === 'APPROVED') && (
        <Alert color="orange" data-testid="holder-warning">
          {t('lending.request.holder', { status: t(`lending.borrowStatus.${holder.status}`).toLowerCase(), name: holder.requesterName })}{' '}
          <RequestLink id={holder.id}>→</RequestLink>
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('lending.field.item')}
          </Title>
          {item ? (
            <Stack gap="xs">
              <Group>
                <ItemLink id={item.id} name={item.name} />
                <ItemStatusBadge status={item.status} />
              </Group>
              <ItemFacts item={item} />
            </Stack>
          ) : (
            <Text c="dimmed">{r.itemName}</Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('lending.field.borrower')}
          </Title>
          {borrower ? (
            <Stack gap="xs">
              <Link to="/staff/people/$personId" params={{ personId: borrower.id }} style={{ ...linkStyle, fontWeight: 600 }}>
                {borrower.name}
              </Link>
              <Text size="sm">{borrower.email || '—'}</Text>
              <Text size="sm">{borrower.phone || '—'}</Text>
              {borrower.blocked && <Alert color="red">{t('lending.request.blocked')}</Alert>}
              {!borrower.active && <Alert color="orange">{t('lending.request.inactive')}</Alert>}
              {borrower.deleted && <Alert color="gray">{t('lending.request.deleted')}</Alert>}
            </Stack>
          ) : (
            <Text c="dimmed">{r.requesterName}</Text>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="sm">
          <Field label={t('lending.field.requestedAt')}>{dateTime(r.createdAt)}</Field>
          {r.decidedAt && <Field label={t('lending.field.decidedBy')}>{`${r.decidedByName} · ${dateTime(r.decidedAt)}`}</Field>}
          {r.reason && <Field label={t('lending.field.reason')}>{r.reason}</Field>}
          {r.checkedOutAt && <Field label={t('lending.field.checkedOutAt')}>{dateTime(r.checkedOutAt)}</Field>}
          {r.dueAt && (
            <Field label={t('lending.field.dueAt')} testId="due-date">
              {date(r.dueAt)}
            </Field>
          )}
          {r.status === 'CHECKED_OUT' && r.daysOverdue > 0 && (
            <Field label={t('lending.field.daysOverdue')}>
              <Badge color="red" tt="none">{t('lending.overdue.days', { count: r.daysOverdue })}</Badge>
            </Field>
          )}
          {r.returnedAt && <Field label={t('lending.field.returnedAt')}>{`${dateTime(r.returnedAt)} · ${r.late ? t('lending.request.late', { count: r.daysOverdue }) : t('lending.request.onTime')}`}</Field>}
          {r.returnCondition !== null && <Field label={t('lending.field.returnCondition')}>{`${r.returnCondition} · ${t(`lending.condition.${r.returnCondition}`)}`}</Field>}
        </SimpleGrid>
      </Paper>
      <ErrorNote error={error} />
      <Group>
        {r.status === 'PENDING' && manager && (
          <>
            <Button color="teal" onClick={() => void act(call('lending.approveBorrow', { requestId: r.id }))}>
              {t('lending.request.approve')}
            </Button>
            <Button color="red" variant="light" onClick={() => setDenying(true)}>
              {t('lending.request.deny')}
            </Button>
          </>
        )}
        {r.status === 'PENDING' && !manager && <Text c="dimmed">{t('lending.request.managersDecide')}</Text>}
        {r.status === 'APPROVED' && (
          <Button onClick={() => void act(call('lending.checkOut', { requestId: r.id }))}>{t('lending.request.checkOut')}</Button>
        )}
        {(r.status === 'PENDING' || r.status === 'APPROVED') && (
          <ConfirmButton label={t('lending.request.cancel')} color="gray" message={t('lending.request.confirmCancel')} onConfirm={() => act(call('lending.cancelBorrow', { requestId: r.id }))} />
        )}
      </Group>
      {r.status === 'CHECKED_OUT' && (
        <Paper withBorder p="md">
          <Stack>
            <ConditionPicker value={condition} onChange={(v) => { setCondition(v); setFields(({ condition: _gone, ...rest }) => rest); }} error={fields.condition} />
            <Button
              w="fit-content"
              onClick={() => {
                const local = checkFields(methods['lending.checkIn'].input, { requestId: r.id, condition: condition ?? undefined });
                setFields(local);
                if (Object.keys(local).length) return;
                void act(call('lending.checkIn', { requestId: r.id, condition: condition! }));
              }}
            >
              {t('lending.request.checkIn')}
            </Button>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('lending.item.history')}
        </Title>
        <HistoryTable entries={history} />
      </Paper>
      {denying && <DenyDialog requestId={r.id} onClose={() => setDenying(false)} />}
    </Stack>
  );
}

export function NewItemScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', category: '', description: '' });
  const [ownership, setOwnership] = useState<Ownership>('lent');
  const [owner, setOwner] = useState<PersonRow | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const set = (key: keyof typeof form, value: string) => {
    setForm({ ...form, [key]: value });
    setFields(({ [key]: _fixed, ...rest }) => rest);
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { ...form, ownership, ...(owner ? { ownerId: owner.id } : {}) };
    const local = checkFields(methods['lending.submitItem'].input, input);
    if (ownership === 'lent' && !owner) local.ownerId = t('lending.newItem.ownerRequired');
    setFields(local);
    if (Object.keys(local).length) return;
    const r = await call('lending.submitItem', { ...input, category: form.category as (typeof ITEM_CATEGORIES)[number] });
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    await navigate({ to: '/staff/lending/items/$itemId', params: { itemId: r.value.id } });
  }
  return (
    <>
      <LendingTabs current="newItem" />
      <Paper withBorder p="lg" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text c="dimmed" size="sm">
              {t('lending.newItem.hint')}
            </Text>
            <TextInput label={t('lending.field.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} />
            <Select
              label={t('lending.field.category')}
              data={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`lending.category.${c}`) }))}
              value={form.category || null}
              onChange={(v) => set('category', v ?? '')}
              error={fields.category}
            />
            <Textarea label={t('lending.field.description')} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} error={fields.description} autosize minRows={2} />
            <Stack gap={4}>
              <Text fw={500} size="sm">
                {t('lending.ownership.label')}
              </Text>
              <SegmentedControl value={ownership} onChange={(v) => setOwnership(v as Ownership)} data={[{ value: 'lent', label: t('lending.ownership.lent') }, { value: 'site', label: t('lending.ownership.site') }]} />
            </Stack>
            <PersonPicker label={ownership === 'lent' ? t('lending.field.owner') : t('lending.newItem.donor')} value={owner} onChange={(p) => { setOwner(p); setFields(({ ownerId: _fixed, ...rest }) => rest); }} error={fields.ownerId} />
            <ErrorNote error={error && !error.fields ? error : null} />
            <Button type="submit" w="fit-content">
              {t('lending.newItem.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

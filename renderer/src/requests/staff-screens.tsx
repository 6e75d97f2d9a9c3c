import { Alert, Anchor, Badge, Box, Button, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../shared/contract/entities';
import type { GeneralRequest, InboxRow } from '../../../shared/contract/requests';
import type { ErrorBody } from '../../../shared/errors';
import { ErrorNote } from '../components/field-error';
import { call, useWatch } from '../lib/client';
import { isAdmin, isManager, useSession } from '../lib/session';
import { DecisionNote, PriorityBadge, RequestActions, RequestStatusBadge, Trail, useDate } from './parts';
import { CustomerPicker, EMPTY_DRAFT, RequestForm, draftOf, useCategories } from './request-form';

/** A table of requests; a row opens the request. */
function RequestTable({ rows, empty, showRequester = false }: { rows: GeneralRequest[] | undefined; empty: string; showRequester?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const date = useDate();
  if (rows && rows.length === 0) return <Text c="dimmed" p="md">{empty}</Text>;
  const open = (id: string) => void navigate({ to: '/staff/requests/$requestId', params: { requestId: id } });
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('requests.field.title')}</Table.Th>
          {showRequester && <Table.Th>{t('requests.field.createdBy')}</Table.Th>}
          <Table.Th>{t('requests.field.category')}</Table.Th>
          <Table.Th>{t('requests.field.status')}</Table.Th>
          <Table.Th>{t('requests.field.created')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(rows ?? []).map((r) => (
          <Table.Tr key={r.id} data-testid="request-row" tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => open(r.id)} onKeyDown={(e) => e.key === 'Enter' && open(r.id)}>
            <Table.Td>
              <Group gap={6}>
                <Text fw={500}>{r.title}</Text>
                <PriorityBadge priority={r.priority} />
              </Group>
            </Table.Td>
            {showRequester && <Table.Td>{r.createdByName}</Table.Td>}
            <Table.Td>{r.category}</Table.Td>
            <Table.Td>
              <RequestStatusBadge request={r} />
            </Table.Td>
            <Table.Td>{date(r.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CustomerRequests() {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<PersonRow | null>(null);
  const list = useWatch('requests.forPerson', { personId: customer?.id ?? '-' }, Boolean(customer));
  return (
    <Stack>
      <Box maw={520}>
        <CustomerPicker value={customer} onChange={setCustomer} />
      </Box>
      <ErrorNote error={list.error} />
      {customer && <RequestTable rows={list.data?.rows} empty={t('requests.emptyCustomer')} showRequester />}
    </Stack>
  );
}

export function MyRequests() {
  const { t } = useTranslation();
  const mine = useWatch('requests.mine', {});
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('requests.title')}</Title>
        <Group>
          <Button component={Link} to="/staff/requests/for-customer" variant="light">
            {t('requests.newForCustomer')}
          </Button>
          <Button component={Link} to="/staff/requests/new">
            {t('requests.new')}
          </Button>
        </Group>
      </Group>
      <Tabs defaultValue="mine" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mine">{t('requests.tabs.mine')}</Tabs.Tab>
          <Tabs.Tab value="customer">{t('requests.tabs.forCustomer')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine" pt="sm">
          <ErrorNote error={mine.error} />
          <Paper withBorder>
            <RequestTable rows={mine.data?.rows} empty={t('requests.empty')} />
          </Paper>
          {mine.data?.more && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('requests.more', { count: mine.data.rows.length })}
            </Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="customer" pt="sm">
          <CustomerRequests />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function RequestNew() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Title order={2} mb="md">
        {t('requests.newTitle')}
      </Title>
      <RequestForm initial={EMPTY_DRAFT} mode="mine" onSaved={(r) => void navigate({ to: '/staff/requests/$requestId', params: { requestId: r.id } })} onCancel={() => void navigate({ to: '/staff/requests' })} />
    </>
  );
}

export function RequestNewForCustomer() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Title order={2} mb="md">
        {t('requests.newForCustomerTitle')}
      </Title>
      <RequestForm initial={EMPTY_DRAFT} mode="onBehalf" onSaved={(r) => void navigate({ to: '/staff/requests/$requestId', params: { requestId: r.id } })} onCancel={() => void navigate({ to: '/staff/requests' })} />
    </>
  );
}

export function RequestEdit() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { requestId } = useParams({ from: '/staff/requests/$requestId/edit' });
  const request = useWatch('requests.get', { id: requestId });
  const [initial, setInitial] = useState<GeneralRequest | null>(null);
  // The form starts from the request as it was when opened; later pushes do not overwrite typing.
  if (!initial && request.data) setInitial(request.data);
  if (request.error && !initial) return <ErrorNote error={request.error} />;
  if (!initial) return null;
  const back = () => void navigate({ to: '/staff/requests/$requestId', params: { requestId } });
  return (
    <>
      <Title order={2} mb="md">
        {t('requests.editTitle')}
      </Title>
      <RequestForm initial={draftOf(initial)} mode="edit" requestId={requestId} onSaved={back} onCancel={back} />
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Box>{children}</Box>
    </div>
  );
}

export function RequestDetail() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const date = useDate();
  const session = useSession((s) => s.session);
  const { requestId } = useParams({ from: '/staff/requests/$requestId' });
  const got = useWatch('requests.get', { id: requestId });
  const [notice, setNotice] = useState<string | null>(null);
  const r = got.data;
  if (!r) return <ErrorNote error={got.error} />;
  const ownWaiting = isManager(session) && r.status === 'SUBMITTED' && !r.deleted && !r.allowed.includes('approve') && (r.createdBy === session?.accountId || r.requesterId === `account:${session?.accountId}`);
  return (
    <Stack maw={980}>
      <Group justify="space-between" align="flex-start">
        <Group>
          <Title order={2}>{r.title}</Title>
          <RequestStatusBadge request={r} size="lg" />
          <PriorityBadge priority={r.priority} />
        </Group>
        <Button variant="subtle" onClick={() => history.back()}>
          {t('common.back')}
        </Button>
      </Group>
      {got.error && <ErrorNote error={got.error} />}
      {notice && <Alert color="teal">{notice}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="md">
          <Field label={t('requests.field.requester')}>
            <Group gap={6}>
              <Text>{r.requesterName}</Text>
              {r.forCustomer && (
                <Badge size="sm" variant="light">
                  {t('requests.field.customer')}
                </Badge>
              )}
            </Group>
          </Field>
          <Field label={t('requests.field.createdBy')}>
            <Text>{r.createdByName}</Text>
          </Field>
          <Field label={t('requests.field.category')}>
            <Text>{r.category}</Text>
          </Field>
          <Field label={t('requests.field.assignee')}>
            <Text>{r.assigneeName ?? t('requests.field.noAssignee')}</Text>
          </Field>
          <Field label={t('requests.field.created')}>
            <Text>{date(r.createdAt)}</Text>
          </Field>
          <Field label={t('requests.field.submitted')}>
            <Text>{date(r.submittedAt)}</Text>
          </Field>
        </SimpleGrid>
        {r.description && (
          <Field label={t('requests.field.description')}>
            <Text mt="md" style={{ whiteSpace: 'pre-wrap' }} data-testid="request-description">
              {r.description}
            </Text>
          </Field>
        )}
        {r.attachments.length > 0 && (
          <Box mt="md">
            <Text size="xs" c="dimmed">
              {t('requests.field.attachments')}
            </Text>
            <List size="sm">
              {r.attachments.map((a) => (
                <List.Item key={a}>{a}</List.Item>
              ))}
            </List>
          </Box>
        )}
      </Paper>
      {r.onBehalf && (
        <Text size="sm" c="dimmed">
          {t('requests.decision.onBehalf', { name: r.createdByName, customer: r.requesterName })}
        </Text>
      )}
      <DecisionNote request={r} />
      {ownWaiting && (
        <Alert color="yellow" variant="light" data-testid="own-cannot-decide">
          {t('requests.decision.ownCannotDecide')}
        </Alert>
      )}
      <RequestActions
        request={r}
        onEdit={() => void navigate({ to: '/staff/requests/$requestId/edit', params: { requestId: r.id } })}
        onDone={(_next, action) => {
          if (action === 'delete') void navigate({ to: '/staff/requests' });
          else if (action === 'restore') setNotice(t('requests.deleted.restored'));
          else setNotice(null);
        }}
      />
      <Trail requestId={r.id} canVerifyChain={isManager(session)} />
    </Stack>
  );
}

export function ApprovalsInbox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const date = useDate();
  const categories = useCategories();
  const [kind, setKind] = useState<'all' | 'general' | 'borrow'>('all');
  const [category, setCategory] = useState('');
  const inbox = useWatch('approvals.inbox', { kind, category, limit: 500 });
  const rows = inbox.data?.rows ?? [];
  const open = (row: InboxRow) => {
    if (row.kind === 'general') void navigate({ to: '/staff/requests/$requestId', params: { requestId: row.id } });
    // Lending's page; by address so this screen does not depend on its route being declared.
    else void navigate({ href: `/staff/lending/requests/${row.id}` });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('requests.inbox.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('requests.inbox.hint')}
          </Text>
        </div>
        <Badge size="xl" variant="light" data-testid="inbox-total">
          {t('requests.inbox.waiting', { count: inbox.data?.total ?? 0 })}
        </Badge>
      </Group>
      <Group align="flex-end">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          aria-label={t('requests.field.kind')}
          data={(['all', 'general', 'borrow'] as const).map((k) => ({ value: k, label: t(`requests.inbox.kind.${k}`) }))}
        />
        <Select
          aria-label={t('requests.field.category')}
          value={category}
          onChange={(v) => setCategory(v ?? '')}
          data={[{ value: '', label: t('requests.inbox.allCategories') }, ...categories.map((c) => ({ value: c, label: c }))]}
          allowDeselect={false}
          w={220}
          disabled={kind === 'borrow'}
        />
      </Group>
      <ErrorNote error={inbox.error} />
      <Paper withBorder>
        {inbox.data && rows.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('requests.inbox.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.field.created')}</Table.Th>
                <Table.Th>{t('requests.field.kind')}</Table.Th>
                <Table.Th>{t('requests.inbox.request')}</Table.Th>
                <Table.Th>{t('requests.inbox.requester')}</Table.Th>
                <Table.Th>{t('requests.field.category')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid="inbox-row" tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => open(row)} onKeyDown={(e) => e.key === 'Enter' && open(row)}>
                  <Table.Td>{date(row.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={row.kind === 'general' ? 'blue' : 'grape'}>
                      {t(`requests.inbox.kind.${row.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={500}>{row.title}</Text>
                      {row.priority && <PriorityBadge priority={row.priority} />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{row.requesterName}</Table.Td>
                  <Table.Td>{row.category || '—'}</Table.Td>
                  <Table.Td>
                    {row.own ? (
                      <Badge color="yellow" variant="light">
                        {t('requests.inbox.own')}
                      </Badge>
                    ) : (
                      <Anchor component="span" size="sm">
                        {t('requests.action.open')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {inbox.data?.more && (
        <Text size="xs" c="dimmed">
          {t('requests.inbox.more', { count: rows.length })}
        </Text>
      )}
    </Stack>
  );
}

export function DeletedRequests() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const list = useWatch('requests.deleted', {}, isAdmin(session));
  const date = useDate();
  const navigate = useNavigate();
  const [error, setError] = useState<ErrorBody | null>(null);
  const rows = list.data?.rows ?? [];
  return (
    <Stack>
      <Title order={2}>{t('requests.deleted.title')}</Title>
      <ErrorNote error={error ?? list.error} />
      <Paper withBorder>
        {list.data && rows.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('requests.deleted.empty')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.field.title')}</Table.Th>
                <Table.Th>{t('requests.field.requester')}</Table.Th>
                <Table.Th>{t('requests.field.createdBy')}</Table.Th>
                <Table.Th>{t('requests.deleted.deletedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="deleted-row">
                  <Table.Td>
                    <Link to="/staff/requests/$requestId" params={{ requestId: r.id }}>
                      {r.title}
                    </Link>
                  </Table.Td>
                  <Table.Td>{r.requesterName}</Table.Td>
                  <Table.Td>{r.createdByName}</Table.Td>
                  <Table.Td>{date(r.deletedAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      color="teal"
                      onClick={async () => {
                        const res = await call('requests.restore', { id: r.id });
                        if (!res.ok) return setError(res.error);
                        setError(null);
                        void navigate({ to: '/staff/requests/$requestId', params: { requestId: r.id } });
                      }}
                    >
                      {t('requests.action.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

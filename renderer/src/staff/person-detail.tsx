import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonRow } from '../../../shared/contract/entities';
import type { Envelope, ErrorBody } from '../../../shared/errors';
import { call, useWatch } from '../lib/client';
import { isAdmin, isManager, useSession } from '../lib/session';
import { ConfirmButton } from '../components/confirm';
import { ErrorNote } from '../components/field-error';
import { StatusBadge } from './people-list';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
}

function MergeDialog({ keep, onClose, onMerged }: { keep: Person; onClose: () => void; onMerged: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [picked, setPicked] = useState<PersonRow | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const list = useWatch('people.list', { search: debounced, status: 'all', limit: 20 }, debounced.length > 0);
  const candidates = (list.data?.rows ?? []).filter((r) => r.id !== keep.id);
  return (
    <Modal opened onClose={onClose} title={t('people.mergeTitle', { name: keep.name })} size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('people.mergeHint')}
        </Text>
        <TextInput aria-label={t('common.search')} placeholder={t('people.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
        <Stack gap={4}>
          {candidates.map((c) => (
            <Button key={c.id} variant={picked?.id === c.id ? 'filled' : 'default'} justify="space-between" onClick={() => setPicked(c)} rightSection={<Text size="xs">{c.email} {c.phone}</Text>}>
              {c.name}
            </Button>
          ))}
        </Stack>
        <ErrorNote error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!picked}
            onClick={async () => {
              if (!picked) return;
              const r = await call('people.merge', { keepId: keep.id, mergeId: picked.id });
              if (!r.ok) return setError(r.error);
              onMerged();
            }}
          >
            {picked ? t('people.mergeConfirm', { keep: keep.name, gone: picked.name }) : t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function BlockDialog({ person, onClose, onBlocked }: { person: Person; onClose: () => void; onBlocked: (p: Person) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('people.blockTitle', { name: person.name })} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('people.blockHint')}
        </Text>
        <Textarea label={t('people.blockReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error?.fields?.reason} autosize minRows={2} data-autofocus />
        <ErrorNote error={error && !error.fields ? error : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={async () => {
              const r = await call('people.block', { id: person.id, reason });
              if (r.ok) onBlocked(r.value);
              else setError(r.error);
            }}
          >
            {t('people.block')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function History({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const audit = useWatch('audit.list', { entityId: personId, limit: 50 });
  const entries = audit.data ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('people.history')}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed">{t('people.noHistory')}</Text>
      ) : (
        <Table striped>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{new Date(e.at).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{e.actorName}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function PersonDetail() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  const { personId } = useParams({ from: '/staff/people/$personId' });
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [merging, setMerging] = useState(false);
  const [blocking, setBlocking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('people.get', { id: personId });
    if (r.ok) setPerson(r.value);
    else setError(r.error);
  }, [personId]);
  useEffect(() => {
    setNotice(null);
    void load();
  }, [load]);

  const act = async (r: Promise<Envelope<Person>>) => {
    const result = await r;
    if (result.ok) {
      setPerson(result.value);
      setError(null);
    } else setError(result.error);
  };

  if (!person) return <ErrorNote error={error} />;
  const deleted = person.deletedAt !== null;
  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{person.name}</Title>
          <StatusBadge row={person} />
          {person.blocked && (
            <Badge color="red" variant="filled">
              {t('people.blocked')}
            </Badge>
          )}
        </Group>
        <Button variant="subtle" component={Link} to="/staff/people">
          {t('common.back')}
        </Button>
      </Group>
      {notice && <Alert color="teal">{notice}</Alert>}
      {person.blocked && (
        <Alert color="red" title={t('people.blockedTitle')} data-testid="blocked-reason">
          {person.blockedReason}
        </Alert>
      )}
      {person.mergedInto && (
        <Alert color="gray">
          {t('people.mergedInto')}{' '}
          <Link to="/staff/people/$personId" params={{ personId: person.mergedInto }}>
            {t('people.open')}
          </Link>
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={2} spacing="md">
          <Field label={t('common.email')} value={person.email} />
          <Field label={t('common.phone')} value={person.phone} />
          <Field label={t('common.address')} value={person.address} />
          <Field label={t('people.created_at')} value={new Date(person.createdAt).toLocaleString(i18n.language)} />
        </SimpleGrid>
      </Paper>
      <ErrorNote error={error} />
      <Group>
        {!deleted && (
          <Button onClick={() => void navigate({ to: '/staff/people/$personId/edit', params: { personId: person.id } })}>
            {t('common.edit')}
          </Button>
        )}
        {!deleted && person.active && (
          <ConfirmButton label={t('people.deactivate')} color="orange" message={t('people.confirmDeactivate', { name: person.name })} onConfirm={() => act(call('people.deactivate', { id: person.id }))} />
        )}
        {!deleted && !person.active && (
          <Button variant="light" color="teal" onClick={() => void act(call('people.reactivate', { id: person.id }))}>
            {t('people.reactivate')}
          </Button>
        )}
        {!deleted && isManager(session) && !person.blocked && (
          <Button variant="light" color="red" onClick={() => setBlocking(true)}>
            {t('people.block')}
          </Button>
        )}
        {isManager(session) && person.blocked && (
          <Button variant="light" color="teal" onClick={() => void act(call('people.unblock', { id: person.id }))}>
            {t('people.unblock')}
          </Button>
        )}
        {!deleted && isManager(session) && (
          <Button variant="light" color="orange" onClick={() => setMerging(true)}>
            {t('people.merge')}
          </Button>
        )}
        {!deleted && <ConfirmButton label={t('people.delete')} message={t('people.confirmDelete', { name: person.name })} onConfirm={() => act(call('people.delete', { id: person.id }))} />}
        {deleted && isAdmin(session) && !person.mergedInto && (
          <Button variant="light" color="teal" onClick={() => void act(call('people.restore', { id: person.id }))}>
            {t('people.restore')}
          </Button>
        )}
      </Group>
      {isManager(session) && <History personId={person.id} />}
      {blocking && (
        <BlockDialog
          person={person}
          onClose={() => setBlocking(false)}
          onBlocked={(p) => {
            setBlocking(false);
            setPerson(p);
          }}
        />
      )}
      {merging && (
        <MergeDialog
          keep={person}
          onClose={() => setMerging(false)}
          onMerged={() => {
            setMerging(false);
            setNotice(t('people.merged'));
            void load();
            void navigate({ to: '/staff/people/$personId', params: { personId: person.id } });
          }}
        />
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import type { ErrorBody } from '../../../shared/errors';
import { call, useWatch } from '../lib/client';
import { ErrorNote } from '../components/field-error';
import { translateMessage } from '../i18n/messages';

type Json = unknown;

/** The fields an entry changed, shallow: what a person checking the log wants to see. */
export function changedFields(before: Json, after: Json): { field: string; before: string; after: string }[] {
  const asObject = (v: Json): Record<string, Json> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {});
  const b = asObject(before);
  const a = asObject(after);
  const show = (v: Json) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

function EntryChanges({ before, after }: { before: Json; after: Json }) {
  const { t } = useTranslation();
  const rows = changedFields(before, after);
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('audit.noChanges')}</Text>;
  return (
    <Table withTableBorder fz="sm" data-testid="audit-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.field}>
            <Table.Td ff="monospace">{r.field}</Table.Td>
            <Table.Td>{r.before}</Table.Td>
            <Table.Td>{r.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const list = useWatch('audit.list', { limit: 200 });
  const [result, setResult] = useState<MethodOutput<'audit.verify'> | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const entries = list.data ?? [];
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('audit.title')}</Title>
        <Button
          loading={busy}
          onClick={async () => {
            setBusy(true);
            const r = await call('audit.verify', {});
            setBusy(false);
            if (r.ok) setResult(r.value);
            else setError(r.error);
          }}
        >
          {t('audit.verify')}
        </Button>
      </Group>
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} mb="md" data-testid="verify-result">
          {result.ok
            ? t('audit.verifyOk', { checked: result.checked, devices: result.devices })
            : t('audit.verifyBroken', { seq: result.broken?.seq, device: result.broken?.deviceId.slice(-8), reason: translateMessage(result.broken?.reason ?? '', i18n.language) })}
        </Alert>
      )}
      <ErrorNote error={error ?? list.error} />
      <Paper withBorder>
        <Table striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Fragment key={e.id}>
                <Table.Tr
                  data-testid="audit-row"
                  tabIndex={0}
                  aria-expanded={open === e.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setOpen(open === e.id ? null : e.id)}
                  onKeyDown={(ev) => ev.key === 'Enter' && setOpen(open === e.id ? null : e.id)}
                >
                  <Table.Td>{new Date(e.at).toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>{e.action}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.entity} …{e.entityId.slice(-8)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open === e.id && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <EntryChanges before={e.before} after={e.after} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && entries.length === 0 && (
          <Text c="dimmed" p="md">
            {t('audit.empty')}
          </Text>
        )}
      </Paper>
    </>
  );
}

import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import type { ErrorBody } from '../../../shared/errors';
import { call, useWatch } from '../lib/client';
import { ErrorNote } from '../components/field-error';

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const list = useWatch('audit.list', { limit: 200 });
  const [result, setResult] = useState<MethodOutput<'audit.verify'> | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
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
            : t('audit.verifyBroken', { seq: result.broken?.seq, device: result.broken?.deviceId.slice(-8), reason: result.broken?.reason })}
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
              <Table.Tr key={e.id} data-testid="audit-row">
                <Table.Td>{new Date(e.at).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{e.actorName}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {e.entity} …{e.entityId.slice(-8)}
                  </Text>
                </Table.Td>
              </Table.Tr>
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

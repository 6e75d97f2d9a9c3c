import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../shared/contract';
import type { Account } from '../../../shared/contract/entities';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import { call } from '../lib/client';
import { checkFields } from '../lib/forms';
import { useSession } from '../lib/session';
import { ErrorNote } from '../components/field-error';

type StaffRole = 'staff' | 'manager' | 'admin';

function NewAccount({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'staff' as StaffRole, password: '', pin: '' });
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkFields(methods['accounts.create'].input, form);
    setFields(local);
    if (Object.keys(local).length) return;
    const r = await call('accounts.create', form);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    onCreated();
  }
  return (
    <Modal opened onClose={onClose} title={t('accounts.new')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('accounts.displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} error={fields.displayName} data-autofocus />
          <TextInput label={t('accounts.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={fields.username} />
          <Select
            label={t('accounts.role')}
            value={form.role}
            onChange={(v) => v && setForm({ ...form, role: v as StaffRole })}
            data={(['staff', 'manager', 'admin'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
          />
          <PasswordInput label={t('accounts.password')} description={t('setup.passwordHint')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={fields.password} autoComplete="new-password" />
          <TextInput label={t('accounts.pin')} description={t('setup.pinHint')} value={form.pin} onChange={(e) => setForm({ ...form, pin: e.currentTarget.value })} error={fields.pin} type="password" inputMode="numeric" autoComplete="off" />
          <ErrorNote error={error && !error.fields ? error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function AccountsScreen() {
  const { t } = useTranslation();
  const me = useSession((s) => s.session);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const load = useCallback(async () => {
    const r = await call('accounts.list', {});
    if (r.ok) setAccounts(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const update = async (input: { id: string; role?: StaffRole; status?: 'active' | 'disabled' }) => {
    const r = await call('accounts.update', input);
    setError(r.ok ? null : r.error);
    await load();
  };
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('accounts.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('accounts.new')}</Button>
      </Group>
      <ErrorNote error={error} />
      <Paper withBorder mt="sm">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.displayName')}</Table.Th>
              <Table.Th>{t('accounts.username')}</Table.Th>
              <Table.Th>{t('accounts.role')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={a.id} data-testid="account-row">
                <Table.Td>{a.displayName}</Table.Td>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('accounts.role')} ${a.username}`}
                    size="xs"
                    w={150}
                    value={a.role}
                    disabled={a.id === me?.accountId}
                    allowDeselect={false}
                    onChange={(v) => v && void update({ id: a.id, role: v as StaffRole })}
                    data={(['staff', 'manager', 'admin'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  />
                </Table.Td>
                <Table.Td>{a.status === 'active' ? <Badge color="teal" variant="light">{t('common.active')}</Badge> : <Badge color="gray" variant="light">{t('accounts.disabled')}</Badge>}</Table.Td>
                <Table.Td>
                  {a.id !== me?.accountId && (
                    <Button size="xs" variant="light" color={a.status === 'active' ? 'red' : 'teal'} onClick={() => void update({ id: a.id, status: a.status === 'active' ? 'disabled' : 'active' })}>
                      {a.status === 'active' ? t('accounts.disable') : t('accounts.enable')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {creating && (
        <NewAccount
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void load();
          }}
        />
      )}
    </>
  );
}

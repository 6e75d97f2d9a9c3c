import { Button, Center, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../shared/contract';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import { call } from '../lib/client';
import { checkFields } from '../lib/forms';
import { useSession } from '../lib/session';
import { ErrorNote } from '../components/field-error';
import { LanguageSwitch } from '../components/language-switch';

function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={440}>
        <Group justify="space-between" mb="lg">
          <Title order={2}>{title}</Title>
          <LanguageSwitch />
        </Group>
        {children}
      </Paper>
    </Center>
  );
}

export function FirstRun() {
  const { t } = useTranslation();
  const refresh = useSession((s) => s.refresh);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', pin: '' });
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkFields(methods['setup.createFirstAdmin'].input, form);
    setFields(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    const r = await call('setup.createFirstAdmin', form);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    await refresh();
  }

  return (
    <AuthCard title={t('setup.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">{t('setup.intro')}</Text>
          <TextInput label={t('setup.displayName')} value={form.displayName} onChange={set('displayName')} error={fields.displayName} required />
          <TextInput label={t('setup.username')} value={form.username} onChange={set('username')} error={fields.username} required autoComplete="username" />
          <PasswordInput label={t('setup.password')} description={t('setup.passwordHint')} value={form.password} onChange={set('password')} error={fields.password} required autoComplete="new-password" />
          <TextInput label={t('setup.pin')} description={t('setup.pinHint')} value={form.pin} onChange={set('pin')} error={fields.pin} required inputMode="numeric" type="password" autoComplete="off" />
          <ErrorNote error={error && !error.fields ? error : null} />
          <Button type="submit" loading={busy}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

type ShiftMember = { accountId: string; displayName: string; username: string };

function useShift(): ShiftMember[] {
  const [shift, setShift] = useState<ShiftMember[]>([]);
  useEffect(() => {
    void call('auth.shift', {}).then((r) => r.ok && setShift(r.value));
  }, []);
  return shift;
}

/** PIN entry for one member of today's shift: unlock or quick switch. */
function PinSwitch({ member, onBack }: { member: ShiftMember; onBack?: () => void }) {
  const { t } = useTranslation();
  const setSession = useSession((s) => s.setSession);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('auth.switchByPin', { accountId: member.accountId, pin });
    if (!r.ok) {
      setError(r.error);
      setPin('');
      return;
    }
    setSession(r.value);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600} size="lg">
          {member.displayName}
        </Text>
        <PasswordInput label={t('lock.pin')} description={t('signIn.shiftHint')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" autoFocus />
        <ErrorNote error={error} />
        <Group justify="space-between">
          {onBack ? (
            <Button variant="subtle" onClick={onBack}>
              {t('common.back')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit">{t('lock.unlock')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShiftList({ shift, onPick }: { shift: ShiftMember[]; onPick: (m: ShiftMember) => void }) {
  return (
    <Stack gap="xs">
      {shift.map((m) => (
        <UnstyledButton key={m.accountId} onClick={() => onPick(m)} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          <Text fw={500}>{m.displayName}</Text>
          <Text size="xs" c="dimmed">
            {m.username}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

export function SignIn() {
  const { t } = useTranslation();
  const setSession = useSession((s) => s.setSession);
  const shift = useShift();
  const [picked, setPicked] = useState<ShiftMember | null>(null);
  const [form, setForm] = useState({ username: '', password: '' });
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const r = await call('auth.signIn', form);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setForm({ ...form, password: '' });
      return;
    }
    setSession(r.value);
  }

  return (
    <AuthCard title={t('signIn.title')}>
      {picked ? (
        <PinSwitch member={picked} onBack={() => setPicked(null)} />
      ) : (
        <Stack>
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput label={t('signIn.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={error?.fields?.username} autoComplete="username" autoFocus />
              <PasswordInput label={t('signIn.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={error?.fields?.password} autoComplete="current-password" />
              <ErrorNote error={error?.fields ? null : error} />
              <Button type="submit" loading={busy}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
          {shift.length > 0 && (
            <>
              <Divider label={t('signIn.shiftTitle')} />
              <ShiftList shift={shift} onPick={setPicked} />
            </>
          )}
        </Stack>
      )}
    </AuthCard>
  );
}

export function LockScreen() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const setSession = useSession((s) => s.setSession);
  const shift = useShift();
  const [picked, setPicked] = useState<ShiftMember | null>(null);
  const current = shift.find((m) => m.accountId === session?.accountId) ?? null;
  const member = picked ?? current;
  return (
    <AuthCard title={t('lock.title')}>
      <Stack>
        <Text c="dimmed">{t('lock.hint')}</Text>
        {member ? <PinSwitch key={member.accountId} member={member} /> : null}
        <Divider label={t('signIn.shiftTitle')} />
        <ShiftList shift={shift.filter((m) => m.accountId !== member?.accountId)} onPick={setPicked} />
        <Button
          variant="subtle"
          onClick={async () => {
            await call('auth.signOut', {});
            setSession(null);
          }}
        >
          {t('lock.otherUser')}
        </Button>
      </Stack>
    </AuthCard>
  );
}

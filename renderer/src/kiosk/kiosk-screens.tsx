import { Button, Center, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods, type MethodOutput } from '../../../shared/contract';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import { call } from '../lib/client';
import { checkFields } from '../lib/forms';
import { useSession } from '../lib/session';
import { ErrorNote } from '../components/field-error';
import { LendingKioskTiles } from '../lending/nav';
import { RequestsKioskTiles } from '../requests/nav';

const BIG = { size: 'xl', radius: 'md' } as const;

export function KioskWelcome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  const [visiting, setVisiting] = useState(false);
  useEffect(() => {
    if (session?.role === 'customer') void navigate({ to: '/kiosk/home' });
  }, [session, navigate]);
  return (
    <Center style={{ flex: 1 }}>
      <Stack align="center" gap={48} w="100%" maw={720} pb={160}>
        <Title order={1} fz={72}>
          {t('kiosk.welcome')}
        </Title>
        <Text fz={28} c="dimmed">
          {t('kiosk.welcomeHint')}
        </Text>
        <Stack w="100%" gap="xl">
          <Button {...BIG} h={120} fz={36} onClick={() => void navigate({ to: '/kiosk/sign-in' })}>
            {t('kiosk.signIn')}
          </Button>
          <Button {...BIG} h={120} fz={36} variant="white" color="blue" style={{ border: '2px solid var(--mantine-color-blue-6)' }} onClick={() => void navigate({ to: '/kiosk/register' })}>
            {t('kiosk.register')}
          </Button>
          <Button {...BIG} h={100} fz={30} variant="light" color="gray" onClick={() => setVisiting(true)}>
            {t('kiosk.visiting')}
          </Button>
          {visiting && (
            <Text fz={26} ta="center" role="status">
              {t('kiosk.visitingHint')}
            </Text>
          )}
        </Stack>
      </Stack>
    </Center>
  );
}

/** A numeric keypad so the PIN needs no keyboard. */
function Keypad({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const { t } = useTranslation();
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];
  return (
    <Stack gap="sm">
      <Text fz={24} fw={600}>
        {label}
      </Text>
      <Text fz={40} ta="center" ff="monospace" aria-live="polite" data-testid="pin-dots" style={{ letterSpacing: 12, minHeight: 56 }}>
        {'●'.repeat(value.length)}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        {keys.map((k) => (
          <Button
            key={k}
            h={88}
            fz={32}
            variant={k === 'clear' || k === 'back' ? 'light' : 'default'}
            aria-label={k === 'clear' ? t('kiosk.clear') : k === 'back' ? t('common.back') : k}
            onClick={() => onChange(k === 'clear' ? '' : k === 'back' ? value.slice(0, -1) : value.length < 8 ? value + k : value)}
          >
            {k === 'clear' ? t('kiosk.clear') : k === 'back' ? '⌫' : k}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

const bigInput = { size: 'xl', styles: { label: { fontSize: 24, marginBottom: 8 }, error: { fontSize: 20 } } } as const;

export function KioskSignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSession((s) => s.setSession);
  const [email, setEmail] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('auth.customerSignIn', { email, pin });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setPin('');
      return;
    }
    setSession(r.value);
    await navigate({ to: '/kiosk/home' });
  }
  return (
    <Paper p={40} radius="lg" maw={760} mx="auto" shadow="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          <Title order={1}>{t('kiosk.signInTitle')}</Title>
          <TextInput {...bigInput} label={t('common.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} type="email" autoComplete="off" />
          <Keypad label={t('kiosk.pinLabel')} value={pin} onChange={setPin} />
          <ErrorNote error={error} large />
          <Button type="submit" {...BIG} h={96} fz={32} loading={busy}>
            {t('kiosk.signInSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function KioskRegister() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSession((s) => s.setSession);
  const [form, setForm] = useState({ name: '', email: '', phone: '' });
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { ...form, pin };
    const local = checkFields(methods['auth.registerCustomer'].input, input);
    if (pin !== pinAgain) local.pinAgain = t('kiosk.pinMismatch');
    setFields(local);
    setError(Object.keys(local).length ? { code: 'VALIDATION', message: t('common.fixErrors') } : null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const r = await call('auth.registerCustomer', input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    setSession(r.value);
    await navigate({ to: '/kiosk/home' });
  }
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <Paper p={40} radius="lg" maw={860} mx="auto" shadow="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          <Title order={1}>{t('kiosk.registerTitle')}</Title>
          <Text fz={22} c="dimmed">
            {t('kiosk.registerHint')}
          </Text>
          <TextInput {...bigInput} label={t('common.name')} value={form.name} onChange={set('name')} error={fields.name} autoComplete="off" />
          <TextInput {...bigInput} label={t('common.email')} value={form.email} onChange={set('email')} error={fields.email} type="email" autoComplete="off" />
          <TextInput {...bigInput} label={`${t('common.phone')} (${t('common.optional')})`} description={t('people.phoneHint')} value={form.phone} onChange={set('phone')} error={fields.phone} type="tel" autoComplete="off" />
          <PasswordInput {...bigInput} label={t('kiosk.pin')} description={t('kiosk.pinHint')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={fields.pin} inputMode="numeric" autoComplete="off" />
          <PasswordInput {...bigInput} label={t('kiosk.pinAgain')} value={pinAgain} onChange={(e) => setPinAgain(e.currentTarget.value)} error={fields.pinAgain} inputMode="numeric" autoComplete="off" />
          <ErrorNote error={error} large />
          <Button type="submit" {...BIG} h={96} fz={32} loading={busy}>
            {t('kiosk.registerSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function KioskHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  const [profile, setProfile] = useState<MethodOutput<'kiosk.myProfile'> | null>(null);
  useEffect(() => {
    if (!session) {
      void navigate({ to: '/kiosk', replace: true });
      return;
    }
    void call('kiosk.myProfile', {}).then((r) => r.ok && setProfile(r.value));
  }, [session, navigate]);
  if (!session) return null;
  return (
    <Stack gap={40} maw={900} mx="auto">
      <Title order={1} fz={56}>
        {t('kiosk.hello', { name: session.displayName })}
      </Title>
      <Text fz={28} c="dimmed">
        {t('kiosk.homeHint')}
      </Text>
      <LendingKioskTiles />
      <RequestsKioskTiles />
      <Paper p={32} radius="lg" shadow="sm">
        <Title order={2} mb="md">
          {t('kiosk.profile')}
        </Title>
        <Group gap={48}>
          <Stack gap={4}>
            <Text c="dimmed" fz={20}>{t('common.email')}</Text>
            <Text fz={26}>{profile?.email ?? '…'}</Text>
          </Stack>
          <Stack gap={4}>
            <Text c="dimmed" fz={20}>{t('common.phone')}</Text>
            <Text fz={26}>{profile ? profile.phone || '—' : '…'}</Text>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  );
}

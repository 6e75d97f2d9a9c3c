import { AppShell, Badge, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onUnauthenticated } from '../lib/client';
import { isAdmin, isManager, useSession } from '../lib/session';
import { useIdle } from '../lib/use-idle';
import { LanguageSwitch } from '../components/language-switch';
import { LendingNav } from '../lending/nav';
import { RequestsNav } from '../requests/nav';
import { FirstRun, LockScreen, SignIn } from './staff-auth';

/**
 * The front-desk frame. Which screen shows is decided by what the core says about this
 * window: first run, signed out, locked, or signed in.
 */
export function StaffShell() {
  const { t } = useTranslation();
  const { info, session, refresh, setSession } = useSession();
  const path = useRouterState({ select: (s) => s.location.pathname });

  useEffect(() => onUnauthenticated(() => void refresh()), [refresh]);
  const signedIn = Boolean(session && !session.locked);
  useIdle(signedIn && info?.surface === 'staff', info?.staffLockMs ?? 300_000, () => {
    void call('auth.lock', {}).then(() => refresh());
  });

  if (!info) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (info.surface !== 'staff') {
    return (
      <Center mih="100vh">
        <Text>
          {t('app.notStaff')} <Link to="/kiosk">{t('kiosk.welcome')}</Link>
        </Text>
      </Center>
    );
  }
  if (info.needsFirstAdmin) return <FirstRun />;
  if (!session || session.role === 'customer') return <SignIn />;
  if (session.locked) return <LockScreen />;

  const nav = [
    { to: '/staff', label: t('nav.dashboard'), show: true, exact: true },
    { to: '/staff/people', label: t('nav.people'), show: true },
    { to: '/staff/audit', label: t('nav.audit'), show: isManager(session) },
    { to: '/staff/accounts', label: t('nav.accounts'), show: isAdmin(session) },
    { to: '/staff/settings', label: t('nav.settings'), show: isAdmin(session) },
  ] as const;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Title order={3}>{t('app.name')}</Title>
          <Group gap="sm">
            <Text size="sm" data-testid="signed-in-as">
              {t('nav.signedInAs', { name: session.displayName, role: t(`roles.${session.role}`) })}
            </Text>
            <LanguageSwitch />
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await call('auth.lock', {});
                await refresh();
              }}
            >
              {t('nav.lock')}
            </Button>
            <Button
              variant="subtle"
              size="xs"
              onClick={async () => {
                await call('auth.signOut', {});
                setSession(null);
              }}
            >
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={4}>
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <NavLink
                key={n.to}
                component={Link}
                to={n.to}
                activeOptions={{ exact: 'exact' in n }}
                activeProps={{}}
                label={n.label}
                active={'exact' in n ? path === n.to || path === `${n.to}/` : path.startsWith(n.to)}
              />
            ))}
          <LendingNav path={path} />
          <RequestsNav path={path} />
        </Stack>
        <Badge variant="light" color="gray" mt="auto">
          {t(`roles.${session.role}`)}
        </Badge>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

import { Box, Button, Center, Group, Loader, Text, Title } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onUnauthenticated } from '../lib/client';
import { useSession } from '../lib/session';
import { useIdle } from '../lib/use-idle';
import { LanguageSwitch } from '../components/language-switch';

/**
 * The kiosk frame: big targets, and a reset to the welcome page on "Done" or after the
 * inactivity timeout, leaving nothing of the last person on screen or in memory.
 */
export function KioskShell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { info, session, setSession } = useSession();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const atWelcome = path === '/kiosk' || path === '/kiosk/';

  const reset = useCallback(async () => {
    await call('auth.signOut', {});
    setSession(null);
    await i18n.changeLanguage('en');
    await navigate({ to: '/kiosk', replace: true });
  }, [i18n, navigate, setSession]);

  useEffect(() => onUnauthenticated(() => void reset()), [reset]);
  useIdle(!atWelcome || Boolean(session), info?.kioskTimeoutMs ?? 60_000, () => void reset());

  if (!info) {
    return (
      <Center mih="100vh">
        <Loader size="xl" />
      </Center>
    );
  }
  if (info.surface !== 'kiosk') {
    return (
      <Center mih="100vh">
        <Text>{t('app.notKiosk')}</Text>
      </Center>
    );
  }
  return (
    <Box mih="100vh" bg="blue.0" style={{ display: 'flex', flexDirection: 'column', userSelect: 'none' }}>
      <Group justify="space-between" p="xl" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Title order={1} c="blue.8">
          {t('app.name')}
        </Title>
        <Group>
          <LanguageSwitch size="lg" />
          {(session || !atWelcome) && (
            <Button size="xl" color="dark" onClick={() => void reset()} data-testid="kiosk-done">
              {t('kiosk.done')}
            </Button>
          )}
        </Group>
      </Group>
      <Box p={48} style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
        <Outlet />
      </Box>
    </Box>
  );
}

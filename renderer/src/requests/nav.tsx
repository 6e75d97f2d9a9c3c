import { Badge, Button, NavLink, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useWatch } from '../lib/client';
import { isAdmin, isManager, useSession } from '../lib/session';

/** Requests's entries in the front-desk navigation: my requests; approvals for managers; deleted requests for admins. */
export function RequestsNav({ path }: { path: string }) {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const manager = isManager(session);
  const count = useWatch('approvals.count', {}, manager);
  const deletedPath = '/staff/requests/deleted';
  return (
    <>
      {/* Only the requester's own pages: a request opened from the inbox is not "mine". */}
      <NavLink component={Link} to="/staff/requests" activeOptions={{ exact: true }} activeProps={{}} label={t('requests.nav.mine')} active={/^\/staff\/requests(\/(new|for-customer))?\/?$/.test(path)} />
      {manager && (
        <NavLink
          component={Link}
          to="/staff/approvals"
          activeProps={{}}
          label={t('requests.nav.approvals')}
          active={path.startsWith('/staff/approvals')}
          rightSection={
            count.data && count.data.total > 0 ? (
              <Badge size="sm" circle={count.data.total < 10} data-testid="nav-approvals-count">
                {count.data.total}
              </Badge>
            ) : null
          }
        />
      )}
      {isAdmin(session) && <NavLink component={Link} to={deletedPath} activeProps={{}} label={t('requests.nav.deleted')} active={path.startsWith(deletedPath)} />}
    </>
  );
}

/** Requests's tile on the signed-in customer's kiosk home. */
export function RequestsKioskTiles() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button size="xl" radius="md" h={140} variant="light" justify="flex-start" onClick={() => void navigate({ to: '/kiosk/requests' })} data-testid="tile-requests">
      <Stack gap={4} align="flex-start">
        <Text fz={36} fw={700} inherit>
          {t('requests.kiosk.tile')}
        </Text>
        <Text fz={22} c="dimmed" inherit>
          {t('requests.kiosk.tileHint')}
        </Text>
      </Stack>
    </Button>
  );
}

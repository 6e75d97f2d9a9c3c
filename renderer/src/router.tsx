import { Center, Loader } from '@mantine/core';
import { createRoute, createRouter, Navigate } from '@tanstack/react-router';
import { KioskHome, KioskRegister, KioskSignIn, KioskWelcome } from './kiosk/kiosk-screens';
import { lendingKioskRoutes, lendingStaffRoutes } from './lending/routes';
import { requestsKioskRoutes, requestsStaffRoutes } from './requests/routes';
import { useSession } from './lib/session';
import { kioskRoute, rootRoute, staffRoute } from './routes/base';
import { AccountsScreen } from './staff/accounts-screen';
import { AuditScreen } from './staff/audit-screen';
import { Dashboard } from './staff/dashboard';
import { PeopleList } from './staff/people-list';
import { PersonDetail } from './staff/person-detail';
import { PersonCreate, PersonEdit } from './staff/person-form';
import { SettingsScreen } from './staff/settings-screen';

/** "/" goes to this window's surface, as the core reports it. */
function SurfaceRedirect() {
  const info = useSession((s) => s.info);
  if (!info) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  return <Navigate to={info.surface === 'kiosk' ? '/kiosk' : '/staff'} replace />;
}

const index = createRoute({ getParentRoute: () => rootRoute, path: '/', component: SurfaceRedirect });

const staffHome = createRoute({ getParentRoute: () => staffRoute, path: '/', component: Dashboard });
const people = createRoute({ getParentRoute: () => staffRoute, path: 'people', component: PeopleList });
const personNew = createRoute({ getParentRoute: () => staffRoute, path: 'people/new', component: PersonCreate });
const person = createRoute({ getParentRoute: () => staffRoute, path: 'people/$personId', component: PersonDetail });
const personEdit = createRoute({ getParentRoute: () => staffRoute, path: 'people/$personId/edit', component: PersonEdit });
const audit = createRoute({ getParentRoute: () => staffRoute, path: 'audit', component: AuditScreen });
const accounts = createRoute({ getParentRoute: () => staffRoute, path: 'accounts', component: AccountsScreen });
const settings = createRoute({ getParentRoute: () => staffRoute, path: 'settings', component: SettingsScreen });

const kioskWelcome = createRoute({ getParentRoute: () => kioskRoute, path: '/', component: KioskWelcome });
const kioskSignIn = createRoute({ getParentRoute: () => kioskRoute, path: 'sign-in', component: KioskSignIn });
const kioskRegister = createRoute({ getParentRoute: () => kioskRoute, path: 'register', component: KioskRegister });
const kioskHome = createRoute({ getParentRoute: () => kioskRoute, path: 'home', component: KioskHome });

const routeTree = rootRoute.addChildren([
  index,
  staffRoute.addChildren([staffHome, people, personNew, person, personEdit, audit, accounts, settings, ...lendingStaffRoutes, ...requestsStaffRoutes]),
  kioskRoute.addChildren([kioskWelcome, kioskSignIn, kioskRegister, kioskHome, ...lendingKioskRoutes, ...requestsKioskRoutes]),
]);

export const router = createRouter({ routeTree, defaultNotFoundComponent: SurfaceRedirect });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

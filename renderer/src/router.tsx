import { Center, Loader } from '@mantine/core';
import { createRootRoute, createRoute, createRouter, Navigate, Outlet } from '@tanstack/react-router';
import { KioskHome, KioskRegister, KioskSignIn, KioskWelcome } from './kiosk/kiosk-screens';
import { KioskShell } from './kiosk/kiosk-shell';
import { useSession } from './lib/session';
import { AccountsScreen } from './staff/accounts-screen';
import { AuditScreen } from './staff/audit-screen';
import { Dashboard } from './staff/dashboard';
import { PeopleList } from './staff/people-list';
import { PersonDetail } from './staff/person-detail';
import { PersonCreate, PersonEdit } from './staff/person-form';
import { StaffShell } from './staff/staff-shell';

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

const root = createRootRoute({ component: Outlet });
const index = createRoute({ getParentRoute: () => root, path: '/', component: SurfaceRedirect });

const staff = createRoute({ getParentRoute: () => root, path: 'staff', component: StaffShell });
const staffHome = createRoute({ getParentRoute: () => staff, path: '/', component: Dashboard });
const people = createRoute({ getParentRoute: () => staff, path: 'people', component: PeopleList });
const personNew = createRoute({ getParentRoute: () => staff, path: 'people/new', component: PersonCreate });
const person = createRoute({ getParentRoute: () => staff, path: 'people/$personId', component: PersonDetail });
const personEdit = createRoute({ getParentRoute: () => staff, path: 'people/$personId/edit', component: PersonEdit });
const audit = createRoute({ getParentRoute: () => staff, path: 'audit', component: AuditScreen });
const accounts = createRoute({ getParentRoute: () => staff, path: 'accounts', component: AccountsScreen });

const kiosk = createRoute({ getParentRoute: () => root, path: 'kiosk', component: KioskShell });
const kioskWelcome = createRoute({ getParentRoute: () => kiosk, path: '/', component: KioskWelcome });
const kioskSignIn = createRoute({ getParentRoute: () => kiosk, path: 'sign-in', component: KioskSignIn });
const kioskRegister = createRoute({ getParentRoute: () => kiosk, path: 'register', component: KioskRegister });
const kioskHome = createRoute({ getParentRoute: () => kiosk, path: 'home', component: KioskHome });

const routeTree = root.addChildren([
  index,
  staff.addChildren([staffHome, people, personNew, person, personEdit, audit, accounts]),
  kiosk.addChildren([kioskWelcome, kioskSignIn, kioskRegister, kioskHome]),
]);

export const router = createRouter({ routeTree, defaultNotFoundComponent: SurfaceRedirect });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

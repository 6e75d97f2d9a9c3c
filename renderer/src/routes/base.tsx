import { createRootRoute, createRoute, Outlet } from '@tanstack/react-router';
import { KioskShell } from '../kiosk/kiosk-shell';
import { StaffShell } from '../staff/staff-shell';

/**
 * The frame routes. Each module declares its own routes under these (in its folder's
 * routes.tsx) and router.tsx assembles the tree.
 */
export const rootRoute = createRootRoute({ component: Outlet });
export const staffRoute = createRoute({ getParentRoute: () => rootRoute, path: 'staff', component: StaffShell });
export const kioskRoute = createRoute({ getParentRoute: () => rootRoute, path: 'kiosk', component: KioskShell });

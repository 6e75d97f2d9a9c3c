import { createRoute } from '@tanstack/react-router';
import { kioskRoute, staffRoute } from '../routes/base';
import { KioskRequestDetail, KioskRequestEdit, KioskRequestNew, KioskRequests } from './kiosk-screens';
import { ApprovalsInbox, DeletedRequests, MyRequests, RequestDetail, RequestEdit, RequestNew, RequestNewForCustomer } from './staff-screens';

/**
 * Requests screens: front-desk routes under /staff and kiosk routes under /kiosk.
 * Declared with createRoute({ getParentRoute: () => staffRoute | kioskRoute, … }).
 */
export const requestsStaffRoutes = [
  createRoute({ getParentRoute: () => staffRoute, path: 'requests', component: MyRequests }),
  createRoute({ getParentRoute: () => staffRoute, path: 'requests/new', component: RequestNew }),
  createRoute({ getParentRoute: () => staffRoute, path: 'requests/for-customer', component: RequestNewForCustomer }),
  createRoute({ getParentRoute: () => staffRoute, path: 'requests/deleted', component: DeletedRequests }),
  createRoute({ getParentRoute: () => staffRoute, path: 'requests/$requestId', component: RequestDetail }),
  createRoute({ getParentRoute: () => staffRoute, path: 'requests/$requestId/edit', component: RequestEdit }),
  createRoute({ getParentRoute: () => staffRoute, path: 'approvals', component: ApprovalsInbox }),
] as const;

export const requestsKioskRoutes = [
  createRoute({ getParentRoute: () => kioskRoute, path: 'requests', component: KioskRequests }),
  createRoute({ getParentRoute: () => kioskRoute, path: 'requests/new', component: KioskRequestNew }),
  createRoute({ getParentRoute: () => kioskRoute, path: 'requests/$requestId', component: KioskRequestDetail }),
  createRoute({ getParentRoute: () => kioskRoute, path: 'requests/$requestId/edit', component: KioskRequestEdit }),
] as const;

import { createRoute } from '@tanstack/react-router';
import { kioskRoute, staffRoute } from '../routes/base';
import { KioskBrowse, KioskMyItems, KioskMyLoans, KioskSubmitItem } from './kiosk-screens';
import { CheckInScreen, CheckOutScreen, InspectionQueueScreen, ItemDetailScreen, LoansScreen, NewItemScreen, OverdueScreen, RequestDetailScreen } from './staff-screens';

/**
 * Lending screens: front-desk routes under /staff and kiosk routes under /kiosk.
 * /staff/lending/requests/$requestId is also where the shared approvals inbox links borrow requests.
 */

export const lendingStaffRoutes = [
  createRoute({ getParentRoute: () => staffRoute, path: 'lending', component: InspectionQueueScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/check-out', component: CheckOutScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/check-in', component: CheckInScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/loans', component: LoansScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/overdue', component: OverdueScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/items/new', component: NewItemScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/items/$itemId', component: ItemDetailScreen }),
  createRoute({ getParentRoute: () => staffRoute, path: 'lending/requests/$requestId', component: RequestDetailScreen }),
] as const;

export const lendingKioskRoutes = [
  createRoute({ getParentRoute: () => kioskRoute, path: 'lending/items', component: KioskMyItems }),
  createRoute({ getParentRoute: () => kioskRoute, path: 'lending/items/new', component: KioskSubmitItem }),
  createRoute({ getParentRoute: () => kioskRoute, path: 'lending/browse', component: KioskBrowse }),
  createRoute({ getParentRoute: () => kioskRoute, path: 'lending/loans', component: KioskMyLoans }),
] as const;


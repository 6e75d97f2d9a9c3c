/**
 * Lending screens: front-desk routes under /staff and kiosk routes under /kiosk.
 * Declared with createRoute({ getParentRoute: () => staffRoute | kioskRoute, … }).
 */
export const lendingStaffRoutes = [] as const;
export const lendingKioskRoutes = [] as const;

/**
 * Requests screens: front-desk routes under /staff and kiosk routes under /kiosk.
 * Declared with createRoute({ getParentRoute: () => staffRoute | kioskRoute, … }).
 */
export const requestsStaffRoutes = [] as const;
export const requestsKioskRoutes = [] as const;

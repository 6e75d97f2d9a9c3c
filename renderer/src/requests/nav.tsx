/** Requests's entries in the front-desk navigation (NavLink with component={Link}, like staff-shell.tsx). */
export function RequestsNav(_props: { path: string }) {
  return null;
}

/** Requests's tiles on the signed-in customer's kiosk home. */
export function RequestsKioskTiles() {
  return null;
}

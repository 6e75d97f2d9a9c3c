/** Lending's entries in the front-desk navigation (NavLink with component={Link}, like staff-shell.tsx). */
export function LendingNav(_props: { path: string }) {
  return null;
}

/** Lending's tiles on the signed-in customer's kiosk home. */
export function LendingKioskTiles() {
  return null;
}

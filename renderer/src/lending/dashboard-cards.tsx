/** Lending's counts on the front-desk dashboard (live). */
export function LendingDashboardCards() {
  return null;
}

/** Requests's counts on the front-desk dashboard (live). */
export function RequestsDashboardCards() {
  return null;
}

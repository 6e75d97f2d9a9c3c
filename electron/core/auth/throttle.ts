import { AppError } from '../../../shared/errors';
import type { Clock } from '../clock';

/**
 * Sign-in throttling per account and per station: after too many failures in the window,
 * further attempts are refused (even with the right secret) until the window has passed.
 */
export class SignInThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private clock: Clock,
    private limits = { perAccount: 5, perStation: 20, windowMs: 15 * 60_000 },
  ) {}

  private recent(key: string): number[] {
    const since = this.clock.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /**
   * Throws RATE_LIMITED when the account or the station has failed too often. Each surface
   * counts apart, so guesses at the kiosk never lock the staff out of the front desk.
   */
  check(accountKey: string, surface: string): void {
    const account = this.recent(`a:${accountKey}`);
    const station = this.recent(`station:${surface}`);
    const blocked =
      account.length >= this.limits.perAccount ? account : station.length >= this.limits.perStation ? station : null;
    if (blocked) {
      const waitMs = blocked[0] + this.limits.windowMs - this.clock.now();
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      throw new AppError('RATE_LIMITED', `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
  }

  fail(accountKey: string, surface: string): void {
    const now = this.clock.now();
    for (const key of [`a:${accountKey}`, `station:${surface}`]) this.failures.set(key, [...this.recent(key), now]);
  }

  succeed(accountKey: string): void {
    this.failures.delete(`a:${accountKey}`);
  }
}

import type { RoleName, Surface } from '../../../shared/contract/define';
import type { SessionInfo } from '../../../shared/contract/entities';
import { localDay, type Clock } from '../clock';

export interface Session {
  accountId: string;
  username: string;
  displayName: string;
  role: RoleName;
  personId: string | null;
  surface: Surface;
  locked: boolean;
  lastActivity: number;
}

export interface ShiftMember {
  accountId: string;
  displayName: string;
  username: string;
}

/**
 * Sessions live in the core, one per window, never in the renderer. A kiosk session ends
 * after inactivity; a staff session locks. The shift is who signed in fully on this
 * station today: only they may quick-switch by PIN.
 */
export class SessionStore {
  private byWindow = new Map<string, Session>();
  private shift = new Map<string, ShiftMember & { day: string }>();
  private endListeners = new Set<(windowId: string) => void>();

  constructor(
    private clock: Clock,
    private timeouts: { kioskMs: number; staffLockMs: number },
  ) {}

  /** The window's session after applying inactivity rules. */
  get(windowId: string): Session | null {
    const s = this.byWindow.get(windowId);
    if (!s) return null;
    const idle = this.clock.now() - s.lastActivity;
    if (s.surface === 'kiosk' && idle > this.timeouts.kioskMs) {
      this.end(windowId);
      return null;
    }
    if (s.surface === 'staff' && idle > this.timeouts.staffLockMs) s.locked = true;
    return s;
  }

  start(windowId: string, session: Omit<Session, 'lastActivity' | 'locked'>): Session {
    const s: Session = { ...session, locked: false, lastActivity: this.clock.now() };
    const previous = this.byWindow.get(windowId);
    this.byWindow.set(windowId, s);
    if (previous && previous.accountId !== s.accountId) this.notifyEnd(windowId);
    return s;
  }

  touch(windowId: string): void {
    const s = this.get(windowId);
    if (s && !s.locked) s.lastActivity = this.clock.now();
  }

  lock(windowId: string): void {
    const s = this.byWindow.get(windowId);
    if (s) s.locked = true;
  }

  end(windowId: string): void {
    if (this.byWindow.delete(windowId)) this.notifyEnd(windowId);
  }

  /** Ends every session of an account (disabled by an admin). */
  endAccount(accountId: string): void {
    for (const [windowId, s] of this.byWindow) if (s.accountId === accountId) this.end(windowId);
    this.shift.delete(accountId);
  }

  /** After a merge, signed-in customers act as the record that stays. */
  relinkPerson(fromPersonId: string, toPersonId: string): void {
    for (const s of this.byWindow.values()) if (s.personId === fromPersonId) s.personId = toPersonId;
  }

  onEnd(listener: (windowId: string) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private notifyEnd(windowId: string): void {
    for (const l of this.endListeners) l(windowId);
  }

  joinShift(member: ShiftMember): void {
    this.shift.set(member.accountId, { ...member, day: localDay(this.clock.now()) });
  }

  shiftMembers(): ShiftMember[] {
    const today = localDay(this.clock.now());
    return [...this.shift.values()]
      .filter((m) => m.day === today)
      .map(({ accountId, displayName, username }) => ({ accountId, displayName, username }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  isOnShift(accountId: string): boolean {
    return this.shiftMembers().some((m) => m.accountId === accountId);
  }
}

export const toSessionInfo = (s: Session): SessionInfo => ({
  accountId: s.accountId,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  personId: s.personId,
  locked: s.locked,
});

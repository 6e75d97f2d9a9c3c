import { create } from 'zustand';
import type { MethodOutput } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/contract/entities';
import { call } from './client';

type SystemInfo = MethodOutput<'system.info'>;

interface SessionState {
  info: SystemInfo | null;
  session: SessionInfo | null;
  /** Loads what the core says about this window; the page never decides its surface. */
  refresh(): Promise<void>;
  setSession(session: SessionInfo | null): void;
}

export const useSession = create<SessionState>((set) => ({
  info: null,
  session: null,
  async refresh() {
    const [info, session] = await Promise.all([call('system.info', {}), call('auth.session', {})]);
    set({ info: info.ok ? info.value : null, session: session.ok ? session.value : null });
  },
  setSession(session) {
    set({ session });
  },
}));

export const isManager = (s: SessionInfo | null) => s?.role === 'manager' || s?.role === 'admin';
export const isAdmin = (s: SessionInfo | null) => s?.role === 'admin';

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import type { CallContext } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/database';
import { silentLogger } from '../../electron/core/log';
import type { MethodInput, MethodName, MethodOutput, SessionInfo, TopicName, TopicParams, TopicResult } from '../../shared/contract';
import type { Envelope, ErrorBody, ErrorCode } from '../../shared/errors';

/**
 * A real core on a fresh temp data folder (real storage on disk, silent logger), with
 * typed call helpers and the accounts most tests need.
 */

export const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'admin-password-1', pin: '1111' } as const;
export const STAFF = { username: 'sam', displayName: 'Sam Staff', role: 'staff', password: 'staff-password-1', pin: '2222' } as const;
export const MANAGER = { username: 'mia', displayName: 'Mia Manager', role: 'manager', password: 'manager-password-1', pin: '3333' } as const;
export const CUSTOMER = { name: 'Carla Cliente', email: 'carla@example.com', phone: '+34 612 345 678', pin: '4444' } as const;

let windowSeq = 0;
/** A new window of the front desk: no session until someone signs in on it. */
export const staffWindow = (): CallContext => ({ windowId: `staff-${++windowSeq}`, surface: 'staff' });
/** A new kiosk window: no session until a customer registers or signs in on it. */
export const kioskWindow = (): CallContext => ({ windowId: `kiosk-${++windowSeq}`, surface: 'kiosk' });

export type StoreDump = Record<string, Record<string, unknown>>;
export interface StoreChange {
  collection: string;
  id: string;
  change: 'added' | 'removed' | 'changed';
}

export interface Watcher<T> {
  results: Envelope<T>[];
  /** Resolves with the first result (already received or still to come) that matches. */
  waitFor(match: (r: Envelope<T>) => boolean, timeoutMs?: number): Promise<Envelope<T>>;
  /** Resolves with the first ok value that matches. */
  waitForValue(match: (v: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(): void;
}

export type TestCoreOptions = Partial<Omit<CoreOptions, 'dataDir' | 'log'>>;

/**
 * One core per process: open-source RxDB allows 13 collections per process (error COL23
 * beyond), and a station uses 12. Tests that need two stations (sync) run them in two processes.
 */
let openCore: TestCore | null = null;

export class TestCore {
  private constructor(
    public core: Core,
    readonly dir: string,
    private readonly options: TestCoreOptions,
  ) {}

  static async create(options: TestCoreOptions = {}, dir?: string): Promise<TestCore> {
    if (openCore) throw new Error('Another test core is open in this process: dispose it first (one core per process, see tests/helpers/core.ts).');
    const dataDir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'frontdesk-core-'));
    const core = await createCore({ ...options, dataDir, log: silentLogger() });
    openCore = new TestCore(core, dataDir, options);
    return openCore;
  }

  call(ctx: CallContext, method: string, input: unknown): Promise<Envelope<unknown>> {
    return this.core.call(ctx, method, input);
  }

  /** Calls and expects success; fails the test with the error body otherwise. */
  async ok<M extends MethodName>(ctx: CallContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const r = await this.core.call(ctx, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.value as MethodOutput<M>;
  }

  /** Calls and expects an error (optionally of a given code); returns its body. */
  async fail(ctx: CallContext, method: string, input: unknown, code?: ErrorCode): Promise<ErrorBody> {
    const r = await this.core.call(ctx, method, input);
    if (r.ok) throw new Error(`${method} succeeded but should have failed${code ? ` with ${code}` : ''}: ${JSON.stringify(r.value)}`);
    if (code) expect(r.error, `${method} from ${ctx.surface}`).toMatchObject({ code });
    return r.error;
  }

  watch<T extends TopicName>(ctx: CallContext, topic: T, params: TopicParams<T>): Watcher<TopicResult<T>>;
  watch(ctx: CallContext, topic: string, params: unknown): Watcher<unknown>;
  watch(ctx: CallContext, topic: string, params: unknown): Watcher<unknown> {
    const results: Envelope<unknown>[] = [];
    const waiters = new Set<(r: Envelope<unknown>) => void>();
    const stop = this.core.watch(ctx, topic, params, (r) => {
      results.push(r);
      for (const w of [...waiters]) w(r);
    });
    const waitFor = (match: (r: Envelope<unknown>) => boolean, timeoutMs = 3000) =>
      new Promise<Envelope<unknown>>((resolve, reject) => {
        const seen = results.find(match);
        if (seen) return resolve(seen);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`watch ${topic}: no matching result within ${timeoutMs} ms; got ${JSON.stringify(results.at(-1))}`));
        }, timeoutMs);
        function check(r: Envelope<unknown>) {
          if (!match(r)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(r);
        }
        waiters.add(check);
      });
    return {
      results,
      waitFor,
      waitForValue: async (match, timeoutMs) => {
        const r = await waitFor((e) => e.ok && match(e.value), timeoutMs);
        return (r as { ok: true; value: unknown }).value;
      },
      stop,
    };
  }

  /** The first result of a topic (a one-off read through the live query). */
  async read<T extends TopicName>(ctx: CallContext, topic: T, params: TopicParams<T>): Promise<TopicResult<T>> {
    const w = this.watch(ctx, topic, params);
    try {
      const r = await w.waitFor(() => true);
      if (!r.ok) throw new Error(`${topic} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    } finally {
      w.stop();
    }
  }

  /** Closes the core and opens a new one on the same folder (sessions and the shift are gone). */
  async reopen(options: TestCoreOptions = this.options): Promise<void> {
    await this.core.close();
    this.core = await createCore({ ...options, dataDir: this.dir, log: silentLogger() });
  }

  /**
   * Every document of every collection, as stored (with revision and meta, so even a rewrite
   * of the same content shows). The core is closed for the dump and reopened: sessions end.
   */
  dumpStore(): Promise<StoreDump> {
    return this.withCoreClosed(dumpDataFolder);
  }

  /** Closes the core, runs `fn` on the data folder, opens a new core on it (sessions end). */
  async withCoreClosed<T>(fn: (dir: string) => Promise<T>): Promise<T> {
    await this.core.close();
    try {
      return await fn(this.dir);
    } finally {
      this.core = await createCore({ ...this.options, dataDir: this.dir, log: silentLogger() });
    }
  }

  async dispose(): Promise<void> {
    if (openCore === this) openCore = null;
    await this.core.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Opens a (closed) data folder with the core's own database code and reads everything. */
export async function dumpDataFolder(dir: string): Promise<StoreDump> {
  const db = await openDatabase(dir);
  try {
    const dump: StoreDump = {};
    for (const name of Object.keys(db.collections) as (keyof typeof db.collections)[]) {
      const docs: { primary: string; toJSON(withMeta: true): unknown }[] = await db.collections[name].find().exec();
      dump[name] = Object.fromEntries(docs.map((d) => [d.primary, d.toJSON(true)]));
    }
    return dump;
  } finally {
    await db.close();
  }
}

export function diffDumps(before: StoreDump, after: StoreDump): StoreChange[] {
  const changes: StoreChange[] = [];
  for (const collection of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[collection] ?? {};
    const b = after[collection] ?? {};
    for (const id of Object.keys(a)) {
      if (!(id in b)) changes.push({ collection, id, change: 'removed' });
      else if (JSON.stringify(a[id]) !== JSON.stringify(b[id])) changes.push({ collection, id, change: 'changed' });
    }
    for (const id of Object.keys(b)) if (!(id in a)) changes.push({ collection, id, change: 'added' });
  }
  return changes;
}

/** The only changes are new audit entries of the given actions (e.g. the test's own sign-ins). */
export function expectOnlyAuditOf(before: StoreDump, after: StoreDump, actions: string[]): void {
  const unexpected = diffDumps(before, after).filter(
    (c) => !(c.collection === 'audit' && c.change === 'added' && actions.includes((after.audit[c.id] as { action: string }).action)),
  );
  const described = unexpected.map((c) => ({ ...c, doc: (after[c.collection] ?? {})[c.id] ?? (before[c.collection] ?? {})[c.id] }));
  expect(described).toEqual([]);
}

export interface Station {
  t: TestCore;
  admin: CallContext;
  staff: CallContext;
  manager: CallContext;
  adminId: string;
  staffId: string;
  managerId: string;
}

/** First admin on a new staff window, then a staff and a manager account, each signed in on its own window. */
export async function setUpStation(t: TestCore): Promise<Station> {
  const admin = staffWindow();
  const adminSession = await t.ok(admin, 'setup.createFirstAdmin', { ...ADMIN });
  // Hashing is the slow part: let the thread pool do two at once.
  const [staffAccount, managerAccount] = await Promise.all([t.ok(admin, 'accounts.create', { ...STAFF }), t.ok(admin, 'accounts.create', { ...MANAGER })]);
  const [staff, manager] = await Promise.all([signIn(t, STAFF), signIn(t, MANAGER)]);
  return { t, admin, staff, manager, adminId: adminSession.accountId, staffId: staffAccount.id, managerId: managerAccount.id };
}

/** Full sign-in with username and password on a new staff window. */
export async function signIn(t: TestCore, who: { username: string; password: string }, ctx: CallContext = staffWindow()): Promise<CallContext> {
  await t.ok(ctx, 'auth.signIn', { username: who.username, password: who.password });
  return ctx;
}

/** A customer registers on a new kiosk window (and is signed in there). */
export async function registerCustomer(
  t: TestCore,
  who: { name: string; email: string; phone: string; pin: string } = CUSTOMER,
): Promise<{ ctx: CallContext; session: SessionInfo }> {
  const ctx = kioskWindow();
  const session = await t.ok(ctx, 'auth.registerCustomer', { ...who });
  return { ctx, session };
}

/** A registered customer signs in with email and PIN on a new kiosk window. */
export async function customerSignIn(t: TestCore, who: { email: string; pin: string } = CUSTOMER): Promise<CallContext> {
  const ctx = kioskWindow();
  await t.ok(ctx, 'auth.customerSignIn', { email: who.email, pin: who.pin });
  return ctx;
}

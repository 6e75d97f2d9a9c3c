import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Subscription } from 'rxjs';
import { merge } from 'rxjs';
import type { z } from 'zod';
import { isMethodName, isTopicName, methods, topics, type TopicName } from '../../shared/contract';
import type { Access } from '../../shared/contract/define';
import { AppError, isAppError, type Envelope, type ErrorBody, type FieldErrors } from '../../shared/errors';
import { AuditLog } from './audit/audit-log';
import { auditHandlers, auditTopicHandlers } from './audit/audit-handlers';
import { SessionStore, type Session } from './auth/sessions';
import { authHandlers } from './auth/auth-handlers';
import { SignInThrottle } from './auth/throttle';
import { AdjustableClock, type Clock } from './clock';
import { createExclusive, type CallContext, type HandlerContext, type Handlers, type Services, type TopicHandlers } from './context';
import { openDatabase } from './db/database';
import { loadOrCreateDevice } from './device';
import { createLogger } from './log';
import { lendingHandlers, lendingTopicHandlers } from './lending/lending-handlers';
import { peopleHandlers, peopleTopicHandlers } from './people/people-handlers';
import { requestsHandlers, requestsTopicHandlers } from './requests/requests-handlers';
import { settingsHandlers } from './settings/settings-handlers';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  kioskTimeoutMs?: number;
  staffLockMs?: number;
  /** Exposes `testHooks` (moving the clock). Never on in a shipped build. */
  enableTestHooks?: boolean;
}

export interface Core {
  deviceId: string;
  call(ctx: CallContext, method: string, input: unknown): Promise<Envelope<unknown>>;
  watch(ctx: CallContext, topic: string, params: unknown, onResult: (result: Envelope<unknown>) => void): () => void;
  /** The window went away: end its session and its watches. */
  closeWindow(windowId: string): void;
  testHooks: { advanceClock(ms: number): void } | null;
  close(): Promise<void>;
}

const fail = (code: ErrorBody['code'], message: string, fields?: FieldErrors): Envelope<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

function zodFields(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    fields[key] ??= missing ? 'This field is required' : issue.message;
  }
  return fields;
}

const WATCH_DEBOUNCE_MS = 25;

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const testClock = options.enableTestHooks ? new AdjustableClock() : null;
  const clock = options.clock ?? testClock ?? { now: () => Date.now() };
  const log = options.log ?? createLogger();
  const { deviceId } = loadOrCreateDevice(options.dataDir);
  const db = await openDatabase(options.dataDir);
  const settings = {
    kioskTimeoutMs: options.kioskTimeoutMs ?? 60_000,
    staffLockMs: options.staffLockMs ?? 5 * 60_000,
  };
  const sessions = new SessionStore(clock, { kioskMs: settings.kioskTimeoutMs, staffLockMs: settings.staffLockMs });
  const services: Services = {
    db,
    audit: new AuditLog(db, deviceId, clock),
    clock,
    deviceId,
    sessions,
    throttle: new SignInThrottle(clock),
    log,
    settings,
    exclusive: createExclusive(),
  };

  const handlers: Handlers = {
    ...authHandlers(services),
    ...settingsHandlers(services),
    ...peopleHandlers(services),
    ...auditHandlers(services),
    ...lendingHandlers(services),
    ...requestsHandlers(services),
  };
  const topicHandlers: TopicHandlers = {
    ...peopleTopicHandlers(services),
    ...auditTopicHandlers(services),
    ...lendingTopicHandlers(services),
    ...requestsTopicHandlers(services),
  };

  /** Surface × session × role, decided here for every call and every watch. */
  function authorize(ctx: CallContext, spec: { surfaces: readonly string[]; access: Access }): { session: Session | null } | Envelope<never> {
    if (!spec.surfaces.includes(ctx.surface)) return fail('FORBIDDEN', 'This is not available on this station.');
    const session = sessions.get(ctx.windowId);
    if (spec.access === 'anyone') return { session };
    if (!session) return fail('UNAUTHENTICATED', 'Please sign in.');
    if (session.locked) return fail('UNAUTHENTICATED', 'The station is locked. Enter your PIN to continue.');
    if (!spec.access.includes(session.role)) return fail('FORBIDDEN', 'Your role does not allow this.');
    return { session };
  }

  const handlerContext = (ctx: CallContext, session: Session | null): HandlerContext => ({
    windowId: ctx.windowId,
    surface: ctx.surface,
    session,
    actor: session ? { id: session.accountId, name: session.displayName } : { id: null, name: ctx.surface === 'kiosk' ? 'kiosk' : 'station' },
  });

  function toErrorEnvelope(err: unknown, what: string): Envelope<never> {
    if (isAppError(err)) return { ok: false, error: err.toBody() };
    // Internal details go to the log only; the window gets a generic message.
    // Only the error's kind and where it happened: messages may quote the data involved.
    const where = err instanceof Error ? (err.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8) : [];
    const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : undefined;
    log.error({ what, error: err instanceof Error ? err.name : typeof err, code, where }, 'internal error');
    return fail('INTERNAL', 'Something went wrong. Please try again; if it keeps happening, tell an administrator.');
  }

  async function call(ctx: CallContext, method: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isMethodName(method)) return fail('NOT_FOUND', `Unknown method "${method}".`);
    const spec = methods[method];
    const auth = authorize(ctx, spec);
    if ('ok' in auth) return auth;
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('VALIDATION', 'Some fields need attention.', zodFields(parsed.error));
    try {
      const handler = handlers[method] as (c: HandlerContext, i: unknown) => Promise<unknown>;
      const value = await handler(handlerContext(ctx, auth.session), parsed.data);
      if (auth.session && method !== 'auth.signOut') sessions.touch(ctx.windowId);
      return { ok: true, value };
    } catch (err) {
      return toErrorEnvelope(err, method);
    }
  }

  const watchesByWindow = new Map<string, Set<(reason?: Envelope<never>) => void>>();
  sessions.onEnd((windowId) => {
    // A session ended: nothing of that person keeps streaming to the window, and it is told why.
    const ended = fail('UNAUTHENTICATED', 'The session has ended. Please sign in.');
    for (const stop of [...(watchesByWindow.get(windowId) ?? [])]) stop(ended);
  });

  function watch(ctx: CallContext, topic: string, params: unknown, onResult: (r: Envelope<unknown>) => void): () => void {
    const noop = () => undefined;
    if (!isTopicName(topic)) {
      onResult(fail('NOT_FOUND', `Unknown topic "${topic}".`));
      return noop;
    }
    const spec = topics[topic as TopicName];
    const first = authorize(ctx, spec);
    if ('ok' in first) {
      onResult(first);
      return noop;
    }
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      onResult(fail('VALIDATION', 'Some fields need attention.', zodFields(parsed.error)));
      return noop;
    }
    const handler = topicHandlers[topic as TopicName] as { collections: readonly (keyof Services['db']['collections'])[]; run(c: HandlerContext, p: unknown): Promise<unknown> };
    const sessionAtStart = first.session?.accountId ?? null;
    let last = '';
    let stopped = false;
    let running = false;
    let again = false;
    let timer: NodeJS.Timeout | null = null;

    const run = async (): Promise<void> => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const auth = authorize(ctx, spec);
        if ('ok' in auth || (auth.session?.accountId ?? null) !== sessionAtStart) {
          stop();
          onResult('ok' in auth ? auth : fail('UNAUTHENTICATED', 'The session changed.'));
          return;
        }
        const value = await handler.run(handlerContext(ctx, auth.session), parsed.data);
        const json = JSON.stringify(value);
        if (!stopped && json !== last) {
          last = json;
          onResult({ ok: true, value });
        }
      } catch (err) {
        if (!stopped) onResult(toErrorEnvelope(err, topic));
      } finally {
        running = false;
        if (again && !stopped) {
          again = false;
          void run();
        }
      }
    };

    const sub: Subscription = merge(...handler.collections.map((c) => db.collections[c].$)).subscribe(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), WATCH_DEBOUNCE_MS);
    });
    const set = watchesByWindow.get(ctx.windowId) ?? new Set();
    watchesByWindow.set(ctx.windowId, set);
    function stop(reason?: Envelope<never>): void {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      sub.unsubscribe();
      set.delete(stop);
      if (reason) onResult(reason);
    }
    set.add(stop);
    void run();
    return () => stop();
  }

  return {
    deviceId,
    call,
    watch,
    closeWindow(windowId) {
      for (const stop of [...(watchesByWindow.get(windowId) ?? [])]) stop();
      watchesByWindow.delete(windowId);
      sessions.end(windowId);
    },
    testHooks: testClock ? { advanceClock: (ms) => testClock.advance(ms) } : null,
    async close() {
      for (const set of watchesByWindow.values()) for (const stop of [...set]) stop();
      await db.close();
    },
  };
}

export { AppError };

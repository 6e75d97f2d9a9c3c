import type { Logger } from 'pino';
import type { MethodName, MethodOutput, MethodParsedInput, TopicName, TopicParsedParams, TopicResult } from '../../shared/contract';
import type { Surface } from '../../shared/contract/define';
import type { AuditLog, Actor } from './audit/audit-log';
import type { Session, SessionStore } from './auth/sessions';
import type { SignInThrottle } from './auth/throttle';
import type { Clock } from './clock';
import type { CollectionName } from './db/schemas';
import type { FrontdeskDatabase } from './db/docs';

/** Who is calling: fixed by the adapter (Electron main or web host), never by the page. */
export interface CallContext {
  windowId: string;
  surface: Surface;
}

/** What a handler gets: the caller and their session (null only for `anyone` methods). */
export interface HandlerContext extends CallContext {
  session: Session | null;
  actor: Actor;
}

/** A handler of a method that requires a session gets a non-null one. */
export interface SignedInContext extends HandlerContext {
  session: Session;
}

export interface Services {
  db: FrontdeskDatabase;
  audit: AuditLog;
  clock: Clock;
  deviceId: string;
  sessions: SessionStore;
  throttle: SignInThrottle;
  log: Logger;
  settings: { kioskTimeoutMs: number; staffLockMs: number };
  /**
   * Runs check-then-write steps one at a time (unique usernames and emails, the first
   * admin): two calls at the same moment must not both pass the check.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/** A promise-chain mutex: each piece of work starts when the one before it has settled. */
export function createExclusive(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface TopicHandler<T extends TopicName> {
  /** Collections whose changes may change the result. */
  collections: readonly CollectionName[];
  run(ctx: HandlerContext, params: TopicParsedParams<T>): Promise<TopicResult<T>>;
}
export type TopicHandlers = { [T in TopicName]: TopicHandler<T> };

export const signedIn = (ctx: HandlerContext): SignedInContext => {
  if (!ctx.session) throw new Error('handler of a signed-in method ran without a session');
  return ctx as SignedInContext;
};

/** The standard fields of a new document made on this device. */
export function newDocBase(services: Services, actor: Actor, id: string): { id: string; createdAt: number; updatedAt: number; createdBy: string; deviceId: string } {
  const now = services.clock.now();
  return { id, createdAt: now, updatedAt: now, createdBy: actor.id ?? 'system', deviceId: services.deviceId };
}

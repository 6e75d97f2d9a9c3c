import type { RoleName } from '../contract/define';
import { AppError } from '../errors';

/**
 * The general request's rules (seed 004), in one place: the core enforces them, the screens
 * ask them which controls to show, and the server will check synced writes against them.
 */

export const REQUEST_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * The states the rules reason about: the stored status, plus DELETED for a soft-deleted draft
 * (stored as status DRAFT with `deleted: true`, so a restore brings back exactly the draft).
 */
export const RULE_STATES = [...REQUEST_STATUSES, 'DELETED'] as const;
export type RuleState = (typeof RULE_STATES)[number];

export const REQUEST_ACTIONS = ['edit', 'submit', 'withdraw', 'approve', 'reject', 'delete', 'restore'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const REQUEST_PRIORITIES = ['low', 'normal', 'high'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** Who may take an action: its creator, a decider (manager or admin who did not create it), or an admin. */
type Who = 'creator' | 'decider' | 'admin';

/** The state machine: each action, the one state it starts from, where it leads, and who may take it. */
export const TRANSITIONS: Record<RequestAction, { from: RuleState; to: RuleState; who: Who }> = {
  edit: { from: 'DRAFT', to: 'DRAFT', who: 'creator' },
  submit: { from: 'DRAFT', to: 'SUBMITTED', who: 'creator' },
  withdraw: { from: 'SUBMITTED', to: 'WITHDRAWN', who: 'creator' },
  delete: { from: 'DRAFT', to: 'DELETED', who: 'creator' },
  approve: { from: 'SUBMITTED', to: 'APPROVED', who: 'decider' },
  reject: { from: 'SUBMITTED', to: 'REJECTED', who: 'decider' },
  restore: { from: 'DELETED', to: 'DRAFT', who: 'admin' },
};

const DECIDERS: readonly RoleName[] = ['manager', 'admin'];

const STATE_WORDS: Record<RuleState, string> = {
  DRAFT: 'a draft',
  SUBMITTED: 'submitted and waiting for a decision',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrawn',
  DELETED: 'deleted',
};

const WHEN: Record<RequestAction, string> = {
  edit: 'Only a draft can be edited',
  submit: 'Only a draft can be submitted',
  withdraw: 'Only a submitted request can be withdrawn',
  delete: 'Only a draft can be deleted',
  approve: 'Only a submitted request can be approved',
  reject: 'Only a submitted request can be rejected',
  restore: 'Only a deleted request can be restored',
};

const VERB: Record<RequestAction, string> = {
  edit: 'edit',
  submit: 'submit',
  withdraw: 'withdraw',
  delete: 'delete',
  approve: 'approve',
  reject: 'reject',
  restore: 'restore',
};

/**
 * Whether `role` (who did or did not create the request) may take `action` on a request in
 * `state`: returns the next state, or throws FORBIDDEN (never allowed for this person, whatever
 * the state) or INVALID_TRANSITION (allowed for them, but not from this state).
 * "Who" is checked before "when", so self-approval is refused for every role in every state.
 */
export function decide(state: RuleState, action: RequestAction, role: RoleName, isCreator: boolean): RuleState {
  const rule = TRANSITIONS[action];
  if (rule.who === 'creator' && !isCreator) throw new AppError('FORBIDDEN', `Only the person who created this request can ${VERB[action]} it.`);
  if (rule.who === 'decider') {
    if (!DECIDERS.includes(role)) throw new AppError('FORBIDDEN', 'Only managers and admins decide requests.');
    if (isCreator) throw new AppError('FORBIDDEN', 'You cannot decide a request you created.');
  }
  if (rule.who === 'admin' && role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can restore a deleted request.');
  if (state !== rule.from) throw new AppError('INVALID_TRANSITION', `${WHEN[action]}; this one is ${STATE_WORDS[state]}.`);
  return rule.to;
}

/** True when `decide` would allow it (for showing controls). */
export function mayDo(state: RuleState, action: RequestAction, role: RoleName, isCreator: boolean): boolean {
  try {
    decide(state, action, role, isCreator);
    return true;
  } catch {
    return false;
  }
}

/** The fields of a request that say whose it is. */
export interface RequestOwnership {
  /** The account that created it. */
  createdBy: string;
  /** The person it is for (a customer's person id), or `account:<id>` for a staff member's own request. */
  requesterId: string;
  /** Made by staff at the desk for a customer. */
  onBehalf: boolean;
  deleted: boolean;
}

/** Who is asking. */
export interface RequestCaller {
  accountId: string;
  personId: string | null;
  role: RoleName;
}

/** A staff member's own requests are "for" their account: staff accounts have no person record. */
export const accountRequesterId = (accountId: string): string => `account:${accountId}`;
export const isAccountRequester = (requesterId: string): boolean => requesterId.startsWith('account:');

/** The request is the caller's own: they created it, or it is for them. Nobody decides their own. */
export function isOwnRequest(req: RequestOwnership, caller: RequestCaller): boolean {
  return (
    req.createdBy === caller.accountId ||
    req.requesterId === accountRequesterId(caller.accountId) ||
    (caller.personId !== null && req.requesterId === caller.personId)
  );
}

/**
 * Whether the caller stands as the creator for `action` (the `isCreator` of `decide`).
 * The creator is the account that created the request. One exception: a customer may withdraw
 * a request the desk submitted on their behalf — it is theirs, and taking it back must not wait
 * for the staff member who typed it. Editing, submitting and deleting such a draft stay with
 * the staff member preparing it. For approving and rejecting, any request that is the caller's
 * own counts (created by them or for them), so nobody decides their own.
 */
export function actsAsCreator(req: RequestOwnership, caller: RequestCaller, action: RequestAction): boolean {
  if (action === 'approve' || action === 'reject') return isOwnRequest(req, caller);
  if (req.createdBy === caller.accountId) return true;
  return action === 'withdraw' && caller.role === 'customer' && req.onBehalf && caller.personId !== null && req.requesterId === caller.personId;
}

/**
 * Who may see a request (and its trail): admins everything, deleted ones included; managers
 * every request that is not deleted; staff their own and customers' requests (not a
 * colleague's own); a customer only requests for them or made by them.
 */
export function canView(req: RequestOwnership, caller: RequestCaller): boolean {
  if (caller.role === 'admin') return true;
  if (req.deleted) return false;
  if (caller.role === 'manager') return true;
  if (caller.role === 'staff') return req.createdBy === caller.accountId || !isAccountRequester(req.requesterId);
  return req.createdBy === caller.accountId || (caller.personId !== null && req.requesterId === caller.personId);
}

export const ruleStateOf = (req: { status: RequestStatus; deleted: boolean }): RuleState => (req.deleted ? 'DELETED' : req.status);

/** The actions the caller may take now (the screens show exactly these controls). */
export function allowedActions(req: RequestOwnership & { status: RequestStatus }, caller: RequestCaller): RequestAction[] {
  const state = ruleStateOf(req);
  return REQUEST_ACTIONS.filter((a) => mayDo(state, a, caller.role, actsAsCreator(req, caller, a)));
}

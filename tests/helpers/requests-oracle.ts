import { ROLES, type RoleName } from '../../shared/contract/define';
import { REQUEST_ACTIONS, RULE_STATES, type RequestAction, type RuleState } from '../../shared/requests/rules';

/**
 * The rules written out as the complete list of what is allowed; everything else is
 * refused: FORBIDDEN when the person may never take that action, INVALID_TRANSITION when they
 * may, but not from this state.
 */
export const ALLOWED: [RuleState, RequestAction, RoleName, boolean, RuleState][] = [
  ...ROLES.flatMap((role): [RuleState, RequestAction, RoleName, boolean, RuleState][] => [
    ['DRAFT', 'edit', role, true, 'DRAFT'],
    ['DRAFT', 'submit', role, true, 'SUBMITTED'],
    ['SUBMITTED', 'withdraw', role, true, 'WITHDRAWN'],
    ['DRAFT', 'delete', role, true, 'DELETED'],
  ]),
  ['SUBMITTED', 'approve', 'manager', false, 'APPROVED'],
  ['SUBMITTED', 'approve', 'admin', false, 'APPROVED'],
  ['SUBMITTED', 'reject', 'manager', false, 'REJECTED'],
  ['SUBMITTED', 'reject', 'admin', false, 'REJECTED'],
  ['DELETED', 'restore', 'admin', true, 'DRAFT'],
  ['DELETED', 'restore', 'admin', false, 'DRAFT'],
];

export function expectedOutcome(state: RuleState, action: RequestAction, role: RoleName, isCreator: boolean): { next: RuleState } | { code: 'FORBIDDEN' | 'INVALID_TRANSITION' } {
  const hit = ALLOWED.find(([s, a, r, c]) => s === state && a === action && r === role && c === isCreator);
  if (hit) return { next: hit[4] };
  const everAllowed = ALLOWED.some(([, a, r, c]) => a === action && r === role && c === isCreator);
  return { code: everAllowed ? 'INVALID_TRANSITION' : 'FORBIDDEN' };
}

export const ALL_CASES = RULE_STATES.flatMap((state) =>
  REQUEST_ACTIONS.flatMap((action) => ROLES.flatMap((role) => [true, false].map((isCreator) => [state, action, role, isCreator] as const))),
);


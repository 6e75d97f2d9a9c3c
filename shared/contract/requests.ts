import { z } from 'zod';
import { ROLES, admins, anyStaff, bothSurfaces, managers, method, staffOnly, topic } from './define';
import { epochMs, id } from './entities';
import { REQUEST_ACTIONS, REQUEST_PRIORITIES, REQUEST_STATUSES } from '../requests/rules';

/**
 * Requests (seed 004): a general request is drafted and submitted by its creator and decided by
 * a manager or admin. Methods used at both stations are open to every role; the core decides
 * ownership (a customer only ever sees or changes their own) and the state machine
 * (shared/requests/rules.ts) decides the rest.
 */

const title = z.string().trim().min(1, 'Give the request a short title').max(120, 'The title is at most 120 characters');
const description = z.string().trim().max(4000, 'The description is at most 4000 characters');
const category = z.string().trim().min(1, 'Choose a category').max(64, 'Choose a category from the list');
const priority = z.enum(REQUEST_PRIORITIES, 'Choose low, normal or high');
const attachments = z
  .array(z.string().trim().min(1, 'An attachment reference cannot be empty').max(300, 'An attachment reference is at most 300 characters'), 'Attachments are a list of references')
  .max(10, 'At most 10 attachment references');
/** An account id of an active manager or admin; null clears it. */
const assigneeId = id.nullable();

const DraftFields = z.object({
  title,
  description: description.default(''),
  category,
  priority: priority.default('normal'),
  attachments: attachments.default([]),
  assigneeId: assigneeId.optional(),
});

export const RequestStatus = z.enum(REQUEST_STATUSES);
export const RequestAction = z.enum(REQUEST_ACTIONS);

export const GeneralRequest = z.object({
  id: z.string(),
  kind: z.literal('general'),
  status: RequestStatus,
  deleted: z.boolean(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  priority: z.enum(REQUEST_PRIORITIES),
  attachments: z.array(z.string()),
  /** A customer's person id, or `account:<id>` for a staff member's own request. */
  requesterId: z.string(),
  requesterName: z.string(),
  /** The request is for a customer (a person record), not a staff member. */
  forCustomer: z.boolean(),
  /** Made at the desk by a staff member for a customer. */
  onBehalf: z.boolean(),
  createdBy: z.string(),
  createdByName: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  submittedAt: epochMs.nullable(),
  decidedAt: epochMs.nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** Why it was rejected (rejections always have one). */
  reason: z.string().nullable(),
  withdrawnAt: epochMs.nullable(),
  deletedAt: epochMs.nullable(),
  /** What the caller may do with it now; screens show exactly these controls. */
  allowed: z.array(RequestAction),
});
export type GeneralRequest = z.infer<typeof GeneralRequest>;

export const TrailEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: epochMs,
  actorName: z.string(),
  action: z.string(),
  /** State before and after (DELETED for a soft-deleted draft; null before creation). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Fields an edit changed. */
  changed: z.array(z.string()),
  reason: z.string().nullable(),
  /** The entry's hash matches its content and it links to the entry before it in its station's chain. */
  verified: z.boolean(),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

export const InboxRow = z.object({
  id: z.string(),
  kind: z.enum(['general', 'borrow']),
  /** General: the title; borrow: the item's name. */
  title: z.string(),
  requesterName: z.string(),
  category: z.string(),
  priority: z.enum(REQUEST_PRIORITIES).nullable(),
  createdAt: epochMs,
  /** The request is the viewer's own (they cannot decide it). */
  own: z.boolean(),
});
export type InboxRow = z.infer<typeof InboxRow>;

const limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt);
const RequestList = z.object({ rows: z.array(GeneralRequest), more: z.boolean() });

export const requestsMethods = {
  'requests.createDraft': method({
    summary: 'Draft a request for yourself (a customer at the kiosk, or staff at the desk).',
    input: DraftFields.strict(),
    output: GeneralRequest,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.createOnBehalf': method({
    summary: 'Staff: draft a request for a customer, recorded as made on their behalf.',
    input: DraftFields.extend({ personId: id }).strict(),
    output: GeneralRequest,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'requests.updateDraft': method({
    summary: 'The creator edits their draft (submitted requests are read-only).',
    input: z
      .object({ id, title: title.optional(), description: description.optional(), category: category.optional(), priority: priority.optional(), attachments: attachments.optional(), assigneeId: assigneeId.optional() })
      .strict(),
    output: GeneralRequest,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.submit': method({
    summary: 'The creator submits their draft for a decision.',
    input: z.object({ id }).strict(),
    output: GeneralRequest,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.withdraw': method({
    summary: 'The creator (or the customer it was made for) takes back a submitted request.',
    input: z.object({ id }).strict(),
    output: GeneralRequest,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.deleteDraft': method({
    summary: 'The creator deletes their draft (soft: an admin can restore it).',
    input: z.object({ id }).strict(),
    output: GeneralRequest,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.approve': method({
    summary: 'Manager or admin: approve a submitted request (never one of their own).',
    input: z.object({ id }).strict(),
    output: GeneralRequest,
    surfaces: staffOnly,
    access: managers,
  }),
  'requests.reject': method({
    summary: 'Manager or admin: reject a submitted request with a reason (never one of their own).',
    input: z.object({ id, reason: z.string().trim().min(1, 'Give a reason for the rejection').max(1000, 'The reason is at most 1000 characters') }).strict(),
    output: GeneralRequest,
    surfaces: staffOnly,
    access: managers,
  }),
  'requests.restore': method({
    summary: 'Admin: bring back a deleted draft.',
    input: z.object({ id }).strict(),
    output: GeneralRequest,
    surfaces: staffOnly,
    access: admins,
  }),
  'requests.assignees': method({
    summary: 'Managers and admins a request may be assigned to.',
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.enum(['manager', 'admin']) })),
    surfaces: staffOnly,
    access: anyStaff,
  }),
} as const;

export const requestsTopics = {
  'requests.mine': topic({
    summary: 'The caller’s own requests, newest first (a customer: requests for them; staff: their own); live.',
    params: z.object({ limit: limit(500, 200) }).strict(),
    result: RequestList,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.forPerson': topic({
    summary: 'Staff: a customer’s requests, newest first; live.',
    params: z.object({ personId: id, limit: limit(500, 200) }).strict(),
    result: RequestList,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'requests.get': topic({
    summary: 'One request with what the caller may do with it; live.',
    params: z.object({ id }).strict(),
    result: GeneralRequest,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.trail': topic({
    summary: 'A request’s own audit trail, oldest first, each entry checked against the chain; live.',
    params: z.object({ id }).strict(),
    result: z.object({ entries: z.array(TrailEntry), intact: z.boolean() }),
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'requests.deleted': topic({
    summary: 'Admin: deleted drafts, most recently deleted first; live.',
    params: z.object({ limit: limit(500, 200) }).strict(),
    result: RequestList,
    surfaces: staffOnly,
    access: admins,
  }),
  'approvals.inbox': topic({
    summary: 'Managers: submitted general requests and pending borrow requests together, oldest first; live.',
    params: z
      .object({ kind: z.enum(['all', 'general', 'borrow']).default('all'), category: z.string().max(64).default(''), limit: limit(1000, 200) })
      .strict(),
    result: z.object({ rows: z.array(InboxRow), total: z.number().int(), more: z.boolean() }),
    surfaces: staffOnly,
    access: managers,
  }),
  'approvals.count': topic({
    summary: 'How many approvals are waiting (general and borrow); live.',
    params: z.object({}).strict(),
    result: z.object({ general: z.number().int(), borrow: z.number().int(), total: z.number().int() }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
} as const;

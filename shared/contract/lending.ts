import { z } from 'zod';
import { BORROW_STATUSES } from '../lending/borrow-machine';
import { ITEM_STATUSES } from '../lending/item-machine';
import { ITEM_CATEGORIES, OWNERSHIPS, conditionRating, denyReason, inspectionNotes, itemCategory, itemDescription, itemName } from '../lending/rules';
import { ROLES, anyStaff, bothSurfaces, customers, kioskOnly, managers, method, staffOnly, topic } from './define';
import { epochMs, id } from './entities';

/** Customers at the kiosk (their own things only) and every staff role at the desk. */
const customersAndStaff = ROLES;

export const ItemStatus = z.enum(ITEM_STATUSES);
export const BorrowStatus = z.enum(BORROW_STATUSES);

export const LendingItem = z.object({
  id: z.string(),
  /** The label code a scanner types (IT-XXXX-XXXX). */
  code: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  ownership: z.enum(OWNERSHIPS),
  /** The owner (a person); '' when the site owns it. */
  ownerId: z.string(),
  ownerName: z.string(),
  status: ItemStatus,
  /** The latest condition rating (intake or return), null before the first inspection. */
  condition: z.number().int().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type LendingItem = z.infer<typeof LendingItem>;

/** An available item as a customer browsing the kiosk sees it (no owner details). */
export const AvailableItem = LendingItem.pick({ id: true, name: true, category: true, description: true, condition: true }).extend({
  /** The customer's own item: shown, but it cannot be borrowed by them. */
  yours: z.boolean(),
  /** The customer already has an open request for it. */
  requested: z.boolean(),
});
export type AvailableItem = z.infer<typeof AvailableItem>;

export const BorrowRequest = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  itemCode: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  status: BorrowStatus,
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Approved, denied or cancelled: when and by whom. */
  decidedAt: epochMs.nullable(),
  decidedByName: z.string(),
  /** Why it was denied or cancelled ('' otherwise). */
  reason: z.string(),
  checkedOutAt: epochMs.nullable(),
  /** Set at check-out: now + the site's loan days. */
  dueAt: epochMs.nullable(),
  returnedAt: epochMs.nullable(),
  returnCondition: z.number().int().nullable(),
  /** Returned after the due date (recorded at check-in). */
  late: z.boolean(),
  /** Days late: recorded at check-in, or so far while it is still out. */
  daysOverdue: z.number().int().nonnegative(),
});
export type BorrowRequest = z.infer<typeof BorrowRequest>;

export const Inspection = z.object({
  id: z.string(),
  at: epochMs,
  condition: z.number().int(),
  notes: z.string(),
  /** intake (first or re-inspection) or return (check-in rating). */
  stage: z.enum(['intake', 'return']),
  byName: z.string(),
  requestId: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;

export const LendingHistoryEntry = z.object({ id: z.string(), at: epochMs, actorName: z.string(), action: z.string() });

export const Borrower = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  active: z.boolean(),
  blocked: z.boolean(),
  deleted: z.boolean(),
});
export type Borrower = z.infer<typeof Borrower>;

export const OverdueLoan = BorrowRequest.extend({ borrowerEmail: z.string(), borrowerPhone: z.string() });
export type OverdueLoan = z.infer<typeof OverdueLoan>;

export const LookupRow = z.object({ item: LendingItem, holding: BorrowRequest.nullable(), pending: z.number().int() });
export type LookupRow = z.infer<typeof LookupRow>;

export const lendingMethods = {
  'lending.submitItem': method({
    summary: 'Bring an item in for inspection: a customer lends their own at the kiosk; staff record one lent by a person or owned by the site.',
    input: z
      .object({
        name: itemName,
        category: itemCategory,
        description: itemDescription.default(''),
        ownership: z.enum(OWNERSHIPS, { error: 'Choose who owns it' }).default('lent'),
        /** Staff: the owner (required when lent). A customer is always the owner of what they submit. */
        ownerId: id.optional(),
      })
      .strict(),
    output: LendingItem,
    surfaces: bothSurfaces,
    access: customersAndStaff,
  }),
  'lending.inspect': method({
    summary: 'Staff rate a waiting item 1–5 with notes: 3 or more makes it available, less rejects it.',
    input: z.object({ itemId: id, condition: conditionRating, notes: inspectionNotes.default('') }).strict(),
    output: LendingItem,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.withdrawItem': method({
    summary: 'The owner takes an item back (not while it is out); open requests for it are cancelled.',
    input: z.object({ itemId: id }).strict(),
    output: LendingItem,
    surfaces: bothSurfaces,
    access: customersAndStaff,
  }),
  'lending.requestBorrow': method({
    summary: 'Ask to borrow an available item (a customer for themselves; staff for a person at the desk).',
    input: z.object({ itemId: id, borrowerId: id.optional() }).strict(),
    output: BorrowRequest,
    surfaces: bothSurfaces,
    access: customersAndStaff,
  }),
  'lending.approveBorrow': method({
    summary: 'Manager: approve a waiting borrow request; the item is reserved (one approved-or-out request per item).',
    input: z.object({ requestId: id }).strict(),
    output: BorrowRequest,
    surfaces: staffOnly,
    access: managers,
  }),
  'lending.denyBorrow': method({
    summary: 'Manager: deny a waiting borrow request, with a reason the borrower sees.',
    input: z.object({ requestId: id, reason: denyReason }).strict(),
    output: BorrowRequest,
    surfaces: staffOnly,
    access: managers,
  }),
  'lending.cancelBorrow': method({
    summary: 'Cancel a waiting or approved borrow request (the borrower their own; staff any); an approved item is released.',
    input: z.object({ requestId: id }).strict(),
    output: BorrowRequest,
    surfaces: bothSurfaces,
    access: customersAndStaff,
  }),
  'lending.checkOut': method({
    summary: 'Hand an approved item to its borrower; the due date is now plus the site’s loan days.',
    input: z.object({ requestId: id }).strict(),
    output: BorrowRequest,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.checkIn': method({
    summary: 'Take a loaned item back with a return condition rating (< 3 sends it back to inspection); late returns are recorded.',
    input: z.object({ requestId: id, condition: conditionRating, notes: inspectionNotes.default('') }).strict(),
    output: BorrowRequest,
    surfaces: staffOnly,
    access: anyStaff,
  }),
} as const;

const limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt);

export const lendingTopics = {
  'lending.myItems': topic({
    summary: 'The signed-in customer’s items and their status, newest first; live.',
    params: z.object({}).strict(),
    result: z.array(LendingItem),
    surfaces: kioskOnly,
    access: customers,
  }),
  'lending.availableItems': topic({
    summary: 'Available items, by name, optionally in one category or starting with a search; live.',
    params: z
      .object({ category: z.enum(['', ...ITEM_CATEGORIES]).default(''), search: z.string().max(80).default(''), limit: limit(200, 60) })
      .strict(),
    result: z.object({ rows: z.array(AvailableItem), more: z.boolean() }),
    surfaces: kioskOnly,
    access: customers,
  }),
  'lending.myLoans': topic({
    summary: 'The signed-in customer’s borrow requests and loans (due dates, reasons), newest first; live.',
    params: z.object({}).strict(),
    result: z.array(BorrowRequest),
    surfaces: kioskOnly,
    access: customers,
  }),
  'lending.inspectionQueue': topic({
    summary: 'Items waiting for inspection, oldest first; live.',
    params: z.object({ limit: limit(1000, 200) }).strict(),
    result: z.object({ rows: z.array(LendingItem), total: z.number().int(), more: z.boolean() }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.requests': topic({
    summary: 'Borrow requests in one state: waiting oldest first, approved oldest first, out by due date; live.',
    params: z.object({ status: BorrowStatus.default('PENDING'), limit: limit(1000, 200) }).strict(),
    result: z.object({ rows: z.array(BorrowRequest), total: z.number().int(), more: z.boolean() }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.overdue': topic({
    summary: 'Loans past their due date, most overdue first, with the borrower’s contact; live.',
    params: z.object({ limit: limit(1000, 500) }).strict(),
    result: z.object({ rows: z.array(OverdueLoan), total: z.number().int(), more: z.boolean() }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.counts': topic({
    summary: 'Dashboard counts: waiting inspection, waiting approval, approved (to pick up), out now, overdue; live.',
    params: z.object({}).strict(),
    result: z.object({
      waitingInspection: z.number().int(),
      waitingApproval: z.number().int(),
      approved: z.number().int(),
      out: z.number().int(),
      overdue: z.number().int(),
    }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.lookup': topic({
    summary: 'Find items at the desk by scanned or typed label code, id, or name prefix; with the request holding each; live.',
    params: z.object({ query: z.string().max(80).default('') }).strict(),
    result: z.array(LookupRow),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.item': topic({
    summary: 'One item with its full history: inspections, loans and audit entries; live.',
    params: z.object({ itemId: id }).strict(),
    result: z.object({ item: LendingItem, inspections: z.array(Inspection), loans: z.array(BorrowRequest), history: z.array(LendingHistoryEntry) }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'lending.request': topic({
    summary: 'One borrow request with its item, the borrower (contact, blocked/inactive), the request holding the item, and its history; live.',
    params: z.object({ requestId: id }).strict(),
    result: z.object({
      request: BorrowRequest,
      item: LendingItem.nullable(),
      borrower: Borrower.nullable(),
      /** Another request that holds the item (approved or out), if any. */
      holder: BorrowRequest.nullable(),
      history: z.array(LendingHistoryEntry),
    }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
} as const;

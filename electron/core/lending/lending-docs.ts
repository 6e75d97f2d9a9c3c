import type { RxCollection } from 'rxdb';
import type { BorrowStatus } from '../../../shared/lending/borrow-machine';
import type { ItemStatus } from '../../../shared/lending/item-machine';
import type { Ownership } from '../../../shared/lending/rules';
import type { Services } from '../context';
import type { BaseDoc } from '../db/docs';

/**
 * Lending's documents. Indexed fields are the ones the fixed schemas declare
 * (electron/core/db/schemas.ts); everything else is an unindexed extra field.
 */

/** `catalog`, kind item: a lendable unit. */
export interface ItemDoc extends BaseDoc {
  kind: 'item';
  name: string;
  nameKey: string;
  status: ItemStatus;
  /** The person who owns it; '' when the site owns it. */
  ownerId: string;
  category: string;
  deleted: boolean;
  /** Label code (IT-XXXX-XXXX), also recorded as an `item.label` event so a scan is an index lookup. */
  code: string;
  description: string;
  ownership: Ownership;
  /** Who brought it in (the owner when lent; a donor, or '' for a site-owned item). */
  broughtById: string;
  /** Latest condition rating (intake or return inspection); null before the first inspection. */
  condition: number | null;
}

/** `requests`, kind borrow: shares the collection with Requests' kind general. */
export interface BorrowRequestDoc extends BaseDoc {
  kind: 'borrow';
  status: BorrowStatus;
  /** The borrower (a person). */
  requesterId: string;
  itemId: string;
  /** Always '' for borrow requests (general requests' category). */
  category: '';
  /** 0 until checked out. */
  dueAt: number;
  deleted: boolean;
  /** Denormalised when asked, so every list (and the shared approvals inbox) shows names without lookups. */
  itemName: string;
  itemCode: string;
  requesterName: string;
  decidedAt: number | null;
  decidedBy: string | null;
  decidedByName: string;
  reason: string;
  checkedOutAt: number | null;
  returnedAt: number | null;
  returnCondition: number | null;
  late: boolean;
  daysOverdue: number;
}

/** `events`, type inspection: an append-only fact, subject = the item. */
export interface InspectionEventDoc extends BaseDoc {
  type: 'inspection';
  subjectId: string;
  at: number;
  condition: number;
  notes: string;
  stage: 'intake' | 'return';
  by: string | null;
  byName: string;
  /** The loan a return inspection closed ('' for intake). */
  requestId: string;
}

/** `events`, type item.label: the label code given to an item, subject = the code (so a scan is one index lookup). */
export interface LabelEventDoc extends BaseDoc {
  type: 'item.label';
  subjectId: string;
  at: number;
  itemId: string;
}

export type LendingEventDoc = InspectionEventDoc | LabelEventDoc;

export const itemsOf = (s: Services) => s.db.catalog as unknown as RxCollection<ItemDoc>;
export const borrowsOf = (s: Services) => s.db.requests as unknown as RxCollection<BorrowRequestDoc>;
export const eventsOf = (s: Services) => s.db.events as unknown as RxCollection<LendingEventDoc>;

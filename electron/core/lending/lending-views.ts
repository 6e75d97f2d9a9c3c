import type { BorrowRequest, Borrower, Inspection, LendingItem } from '../../../shared/contract/lending';
import { daysOverdue } from '../../../shared/lending/rules';
import type { Services } from '../context';
import type { AuditDoc, PersonDoc } from '../db/docs';
import type { BorrowRequestDoc, InspectionEventDoc, ItemDoc } from './lending-docs';

/** Documents → the contract's shapes. */

export async function peopleByIds(s: Services, ids: Iterable<string>): Promise<Map<string, PersonDoc>> {
  const wanted = [...new Set([...ids].filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const found = await s.db.people.findByIds(wanted).exec();
  return new Map([...found.entries()].map(([id, d]) => [id, d.toJSON() as PersonDoc]));
}

export const toItem = (d: ItemDoc, ownerName: string): LendingItem => ({
  id: d.id,
  code: d.code,
  name: d.name,
  category: d.category,
  description: d.description ?? '',
  ownership: d.ownership,
  ownerId: d.ownerId,
  ownerName,
  status: d.status,
  condition: d.condition ?? null,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

/** Items with their owners' names (one lookup for the lot). */
export async function toItems(s: Services, docs: ItemDoc[]): Promise<LendingItem[]> {
  const owners = await peopleByIds(s, docs.map((d) => d.ownerId));
  return docs.map((d) => toItem(d, owners.get(d.ownerId)?.name ?? ''));
}

export const toBorrowRequest = (d: BorrowRequestDoc, now: number): BorrowRequest => ({
  id: d.id,
  itemId: d.itemId,
  itemName: d.itemName,
  itemCode: d.itemCode ?? '',
  requesterId: d.requesterId,
  requesterName: d.requesterName,
  status: d.status,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  decidedAt: d.decidedAt ?? null,
  decidedByName: d.decidedByName ?? '',
  reason: d.reason ?? '',
  checkedOutAt: d.checkedOutAt ?? null,
  dueAt: d.dueAt > 0 ? d.dueAt : null,
  returnedAt: d.returnedAt ?? null,
  returnCondition: d.returnCondition ?? null,
  late: d.late ?? false,
  // While it is out, how late it is so far (by the core's clock); once back, what was recorded.
  daysOverdue: d.status === 'CHECKED_OUT' ? daysOverdue(d.dueAt, now) : (d.daysOverdue ?? 0),
});

export const toInspection = (d: InspectionEventDoc): Inspection => ({
  id: d.id,
  at: d.at,
  condition: d.condition,
  notes: d.notes ?? '',
  stage: d.stage,
  byName: d.byName,
  requestId: d.requestId ?? '',
});

export const toBorrower = (p: PersonDoc): Borrower => ({
  id: p.id,
  name: p.name,
  email: p.email,
  phone: p.phone,
  active: p.active,
  blocked: p.blocked,
  deleted: p.deletedAt !== null && p.deletedAt !== undefined,
});

export const toHistory = (a: AuditDoc) => ({ id: a.id, at: a.at, actorName: a.actorName, action: a.action });

/** What the audit log keeps of an item / a request (the fields that matter, not names looked up later). */
export const itemSnapshot = (d: ItemDoc) => ({
  code: d.code,
  name: d.name,
  category: d.category,
  description: d.description,
  ownership: d.ownership,
  ownerId: d.ownerId,
  status: d.status,
  condition: d.condition,
});

export const borrowSnapshot = (d: BorrowRequestDoc) => ({
  itemId: d.itemId,
  requesterId: d.requesterId,
  status: d.status,
  dueAt: d.dueAt,
  reason: d.reason,
  returnCondition: d.returnCondition,
  late: d.late,
  daysOverdue: d.daysOverdue,
});

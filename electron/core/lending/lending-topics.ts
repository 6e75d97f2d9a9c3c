import type { MangoQuerySelector } from 'rxdb';
import type { lendingTopics } from '../../../shared/contract/lending';
import { AppError } from '../../../shared/errors';
import { HOLDING_STATUSES, OPEN_STATUSES, type BorrowStatus } from '../../../shared/lending/borrow-machine';
import { normalizeItemCode } from '../../../shared/lending/rules';
import { nameKey } from '../../../shared/people/validation';
import { signedIn, type HandlerContext, type Services, type TopicHandlers } from '../context';
import type { AuditDoc } from '../db/docs';
import { borrowsOf, eventsOf, itemsOf, type BorrowRequestDoc, type InspectionEventDoc, type ItemDoc, type LabelEventDoc } from './lending-docs';
import { peopleByIds, toBorrowRequest, toBorrower, toHistory, toInspection, toItem, toItems } from './lending-views';

type Asc = 'asc' | 'desc';
const sortBy = <T>(...fields: [keyof T & string, Asc][]) => fields.map(([f, d]) => ({ [f]: d }) as Partial<Record<keyof T & string, Asc>>);

/** The person id of the signed-in customer (kiosk topics are for customers only). */
function selfId(ctx: HandlerContext): string {
  const personId = signedIn(ctx).session.personId;
  if (!personId) throw new AppError('FORBIDDEN', 'Your account is not linked to a person. Please ask at the front desk.');
  return personId;
}

/** Every list below is one index range (see the catalog / requests / events indexes in db/schemas.ts). */
export function lendingTopicHandlers(s: Services): Pick<TopicHandlers, keyof typeof lendingTopics> {
  const items = itemsOf(s);
  const borrows = borrowsOf(s);
  const events = eventsOf(s);
  const docs = <T>(list: { toJSON(): unknown }[]) => list.map((d) => d.toJSON() as T);

  async function historyOf(entityId: string) {
    const entries = await s.db.audit.find({ selector: { entityId }, sort: [{ entityId: 'desc' }, { at: 'desc' }, { id: 'desc' }], limit: 200 }).exec();
    return entries.map((e) => toHistory(e.toJSON() as AuditDoc));
  }

  return {
    'lending.myItems': {
      collections: ['catalog'],
      async run(ctx) {
        const ownerId = selfId(ctx);
        const found = await items.find({ selector: { ownerId, kind: 'item' }, sort: sortBy<ItemDoc>(['ownerId', 'desc'], ['createdAt', 'desc']), limit: 200 }).exec();
        return toItems(s, docs<ItemDoc>(found).filter((d) => !d.deleted));
      },
    },

    'lending.availableItems': {
      collections: ['catalog', 'requests'],
      async run(ctx, { category, search, limit }) {
        const me = selfId(ctx);
        const key = nameKey(search);
        const selector: MangoQuerySelector<ItemDoc> = { kind: 'item', status: 'AVAILABLE' };
        if (category) selector.category = category;
        if (key) selector.nameKey = { $gte: key, $lt: `${key}\uffff` };
        const sort = category ? sortBy<ItemDoc>(['kind', 'asc'], ['status', 'asc'], ['category', 'asc'], ['nameKey', 'asc']) : sortBy<ItemDoc>(['kind', 'asc'], ['status', 'asc'], ['nameKey', 'asc']);
        const found = docs<ItemDoc>(await items.find({ selector, sort, limit: limit + 1 }).exec());
        const mine = docs<BorrowRequestDoc>(await borrows.find({ selector: { requesterId: me, kind: 'borrow' }, sort: sortBy<BorrowRequestDoc>(['requesterId', 'desc'], ['createdAt', 'desc']), limit: 500 }).exec());
        const asked = new Set(mine.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status)).map((r) => r.itemId));
        return {
          rows: found.slice(0, limit).map((d) => ({
            id: d.id,
            name: d.name,
            category: d.category,
            description: d.description ?? '',
            condition: d.condition ?? null,
            yours: d.ownerId === me,
            requested: asked.has(d.id),
          })),
          more: found.length > limit,
        };
      },
    },

    'lending.myLoans': {
      collections: ['requests'],
      async run(ctx) {
        const requesterId = selfId(ctx);
        const found = await borrows.find({ selector: { requesterId, kind: 'borrow' }, sort: sortBy<BorrowRequestDoc>(['requesterId', 'desc'], ['createdAt', 'desc']), limit: 200 }).exec();
        const now = s.clock.now();
        return docs<BorrowRequestDoc>(found).map((d) => toBorrowRequest(d, now));
      },
    },

    'lending.inspectionQueue': {
      collections: ['catalog'],
      async run(_ctx, { limit }) {
        const selector = { kind: 'item', status: 'PENDING_VERIFICATION' } as const;
        const found = docs<ItemDoc>(await items.find({ selector, sort: sortBy<ItemDoc>(['kind', 'asc'], ['status', 'asc'], ['createdAt', 'asc']), limit: limit + 1 }).exec());
        const total = await items.count({ selector }).exec();
        return { rows: await toItems(s, found.slice(0, limit)), total, more: found.length > limit };
      },
    },

    'lending.requests': {
      collections: ['requests'],
      async run(_ctx, { status, limit }) {
        const selector = { kind: 'borrow', status } as const;
        const finished = (['DENIED', 'CANCELLED', 'RETURNED'] as BorrowStatus[]).includes(status);
        // Out: soonest due first. Waiting or approved: oldest first. Finished: newest first.
        const sort =
          status === 'CHECKED_OUT'
            ? sortBy<BorrowRequestDoc>(['kind', 'asc'], ['status', 'asc'], ['dueAt', 'asc'])
            : sortBy<BorrowRequestDoc>(['kind', finished ? 'desc' : 'asc'], ['status', finished ? 'desc' : 'asc'], ['createdAt', finished ? 'desc' : 'asc']);
        const found = docs<BorrowRequestDoc>(await borrows.find({ selector, sort, limit: limit + 1 }).exec());
        const total = await borrows.count({ selector }).exec();
        const now = s.clock.now();
        return { rows: found.slice(0, limit).map((d) => toBorrowRequest(d, now)), total, more: found.length > limit };
      },
    },

    'lending.overdue': {
      collections: ['requests', 'people'],
      async run(_ctx, { limit }) {
        const now = s.clock.now();
        const selector: MangoQuerySelector<BorrowRequestDoc> = { kind: 'borrow', status: 'CHECKED_OUT', dueAt: { $gt: 0, $lt: now } };
        const found = docs<BorrowRequestDoc>(await borrows.find({ selector, sort: sortBy<BorrowRequestDoc>(['kind', 'asc'], ['status', 'asc'], ['dueAt', 'asc']), limit: limit + 1 }).exec());
        const total = await borrows.count({ selector }).exec();
        const people = await peopleByIds(s, found.map((d) => d.requesterId));
        const rows = found.slice(0, limit).map((d) => {
          const p = people.get(d.requesterId);
          return { ...toBorrowRequest(d, now), borrowerEmail: p?.email ?? '', borrowerPhone: p?.phone ?? '' };
        });
        return { rows, total, more: found.length > limit };
      },
    },

    'lending.counts': {
      collections: ['catalog', 'requests'],
      async run() {
        const now = s.clock.now();
        const byStatus = (status: BorrowStatus) => borrows.count({ selector: { kind: 'borrow', status } }).exec();
        const [waitingInspection, waitingApproval, approved, out, overdue] = await Promise.all([
          items.count({ selector: { kind: 'item', status: 'PENDING_VERIFICATION' } }).exec(),
          byStatus('PENDING'),
          byStatus('APPROVED'),
          byStatus('CHECKED_OUT'),
          borrows.count({ selector: { kind: 'borrow', status: 'CHECKED_OUT', dueAt: { $gt: 0, $lt: now } } }).exec(),
        ]);
        return { waitingInspection, waitingApproval, approved, out, overdue };
      },
    },

    'lending.lookup': {
      collections: ['catalog', 'requests', 'events'],
      async run(_ctx, { query }) {
        const q = query.trim();
        if (!q) return [];
        const found = new Map<string, ItemDoc>();
        const add = (list: ItemDoc[]) => list.filter((d) => d.kind === 'item' && !d.deleted).forEach((d) => found.set(d.id, d));
        // 1. A scanned or typed label code: one lookup in the events index (the label fact's subject is the code).
        const code = normalizeItemCode(q);
        if (code) {
          const labels = docs<LabelEventDoc>(await events.find({ selector: { subjectId: code }, limit: 5 }).exec()).filter((e) => e.type === 'item.label');
          const byId = await items.findByIds(labels.map((l) => l.itemId)).exec();
          add([...byId.values()].map((d) => d.toJSON() as ItemDoc));
        }
        // 2. A full id (a QR code may carry it): the primary key.
        if (q.length >= 30) {
          const d = await items.findOne(q).exec();
          if (d) add([d.toJSON() as ItemDoc]);
        }
        // 3. A name prefix.
        const key = nameKey(q);
        if (key) {
          const byName = await items.find({ selector: { kind: 'item', nameKey: { $gte: key, $lt: `${key}\uffff` } }, sort: sortBy<ItemDoc>(['kind', 'asc'], ['nameKey', 'asc']), limit: 25 }).exec();
          add(docs<ItemDoc>(byName));
        }
        const list = await toItems(s, [...found.values()].slice(0, 25));
        const now = s.clock.now();
        return Promise.all(
          list.map(async (item) => {
            const open = docs<BorrowRequestDoc>(await borrows.find({ selector: { itemId: item.id, status: { $in: [...OPEN_STATUSES] } } }).exec());
            const holding = open.find((r) => (HOLDING_STATUSES as readonly string[]).includes(r.status)) ?? null;
            return { item, holding: holding ? toBorrowRequest(holding, now) : null, pending: open.filter((r) => r.status === 'PENDING').length };
          }),
        );
      },
    },

    'lending.item': {
      collections: ['catalog', 'requests', 'events', 'audit'],
      async run(_ctx, { itemId }) {
        const doc = await items.findOne(itemId).exec();
        if (!doc || doc.kind !== 'item') throw new AppError('NOT_FOUND', 'This item does not exist.');
        const [item] = await toItems(s, [doc.toJSON() as ItemDoc]);
        const facts = docs<InspectionEventDoc>(await events.find({ selector: { subjectId: itemId }, sort: sortBy<InspectionEventDoc>(['subjectId', 'desc'], ['at', 'desc']), limit: 500 }).exec());
        const loans = docs<BorrowRequestDoc>(await borrows.find({ selector: { itemId }, limit: 1000 }).exec())
          .filter((d) => d.kind === 'borrow')
          .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
        const now = s.clock.now();
        return {
          item,
          inspections: facts.filter((f) => f.type === 'inspection').map(toInspection),
          loans: loans.map((d) => toBorrowRequest(d, now)),
          history: await historyOf(itemId),
        };
      },
    },

    'lending.request': {
      collections: ['requests', 'catalog', 'people', 'audit'],
      async run(_ctx, { requestId }) {
        const doc = await borrows.findOne(requestId).exec();
        if (!doc || doc.kind !== 'borrow') throw new AppError('NOT_FOUND', 'This borrow request does not exist.');
        const req = doc.toJSON() as BorrowRequestDoc;
        const now = s.clock.now();
        const itemDoc = await items.findOne(req.itemId).exec();
        const people = await peopleByIds(s, [req.requesterId, itemDoc?.ownerId ?? '']);
        const item = itemDoc ? toItem(itemDoc.toJSON() as ItemDoc, people.get(itemDoc.ownerId)?.name ?? '') : null;
        const borrower = people.get(req.requesterId);
        const held = docs<BorrowRequestDoc>(await borrows.find({ selector: { itemId: req.itemId, status: { $in: [...HOLDING_STATUSES] } } }).exec());
        const holder = held.find((d) => d.id !== req.id) ?? null;
        return {
          request: toBorrowRequest(req, now),
          item,
          borrower: borrower ? toBorrower(borrower) : null,
          holder: holder ? toBorrowRequest(holder, now) : null,
          history: await historyOf(requestId),
        };
      },
    },
  };
}

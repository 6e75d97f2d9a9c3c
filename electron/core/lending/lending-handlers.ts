import { randomBytes } from 'node:crypto';
import type { RxDocument } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { lendingMethods } from '../../../shared/contract/lending';
import { AppError } from '../../../shared/errors';
import { HOLDING_STATUSES, OPEN_STATUSES, nextBorrowStatus, type BorrowAction } from '../../../shared/lending/borrow-machine';
import { nextItemStatus, passes, type ItemAction } from '../../../shared/lending/item-machine';
import { daysOverdue, dueDate, makeItemCode } from '../../../shared/lending/rules';
import { nameKey } from '../../../shared/people/validation';
import type { Actor } from '../audit/audit-log';
import { newDocBase, signedIn, type Handlers, type HandlerContext, type Services } from '../context';
import type { PersonDoc } from '../db/docs';
import { readSettings } from '../settings/settings-handlers';
import { borrowsOf, eventsOf, itemsOf, type BorrowRequestDoc, type InspectionEventDoc, type ItemDoc, type LabelEventDoc } from './lending-docs';
import { borrowSnapshot, itemSnapshot, toBorrowRequest, toItem, toItems } from './lending-views';

export { lendingTopicHandlers } from './lending-topics';

type ItemRx = RxDocument<ItemDoc>;
type BorrowRx = RxDocument<BorrowRequestDoc>;

/** The person a customer session acts as; customers without one cannot lend or borrow. */
function customerPersonId(ctx: HandlerContext): string | null {
  const { session } = signedIn(ctx);
  if (session.role !== 'customer') return null;
  if (!session.personId) throw new AppError('FORBIDDEN', 'Your account is not linked to a person. Please ask at the front desk.');
  return session.personId;
}

export function lendingHandlers(s: Services): Pick<Handlers, keyof typeof lendingMethods> {
  const items = itemsOf(s);
  const borrows = borrowsOf(s);
  const events = eventsOf(s);

  async function loadItem(id: string): Promise<ItemRx> {
    const doc = await items.findOne(id).exec();
    if (!doc || doc.kind !== 'item' || doc.deleted) throw new AppError('NOT_FOUND', 'This item does not exist.');
    return doc;
  }

  async function loadRequest(id: string): Promise<BorrowRx> {
    const doc = await borrows.findOne(id).exec();
    if (!doc || doc.kind !== 'borrow' || doc.deleted) throw new AppError('NOT_FOUND', 'This borrow request does not exist.');
    return doc;
  }

  async function loadPerson(id: string, what = 'This person'): Promise<PersonDoc> {
    const doc = await s.db.people.findOne(id).exec();
    if (!doc) throw new AppError('NOT_FOUND', `${what} does not exist.`);
    return doc.toJSON() as PersonDoc;
  }

  /** Seed 000: a blocked or inactive person cannot borrow. */
  function ensureMayBorrow(p: PersonDoc, self: boolean): void {
    const who = self ? 'Your account' : p.name;
    if (p.deletedAt !== null || p.mergedInto) throw new AppError('FORBIDDEN', `${who} is no longer on record and cannot borrow.`);
    if (p.blocked) throw new AppError('FORBIDDEN', self ? 'You cannot borrow at the moment. Please ask at the front desk.' : `${p.name} is blocked and cannot borrow.`);
    if (!p.active) throw new AppError('FORBIDDEN', self ? 'Your account is inactive. Please ask at the front desk.' : `${p.name} is inactive and cannot borrow.`);
  }

  /** The other request holding the item (approved or out), if any: there may be at most one. */
  async function holderOf(itemId: string, exceptId: string): Promise<BorrowRequestDoc | null> {
    const held = await borrows.find({ selector: { itemId, status: { $in: [...HOLDING_STATUSES] } } }).exec();
    const other = held.find((d) => d.id !== exceptId && d.kind === 'borrow');
    return other ? (other.toJSON() as BorrowRequestDoc) : null;
  }

  const item = (doc: ItemDoc) => itemSnapshot(doc);

  async function patchItem(actor: Actor, action: string, doc: ItemRx, patch: Partial<ItemDoc>, extra?: Record<string, unknown>): Promise<ItemDoc> {
    const before = doc.toJSON() as ItemDoc;
    const after = (await doc.incrementalPatch({ ...patch, updatedAt: s.clock.now() })).toJSON() as ItemDoc;
    await s.audit.append(actor, action, 'item', after.id, item(before), { ...item(after), ...extra });
    return after;
  }

  async function patchRequest(actor: Actor, action: string, doc: BorrowRx, patch: Partial<BorrowRequestDoc>): Promise<BorrowRequestDoc> {
    const before = doc.toJSON() as BorrowRequestDoc;
    const after = (await doc.incrementalPatch({ ...patch, updatedAt: s.clock.now() })).toJSON() as BorrowRequestDoc;
    await s.audit.append(actor, action, 'borrowRequest', after.id, borrowSnapshot(before), borrowSnapshot(after));
    return after;
  }

  /** Both machines are checked before anything is written: a refusal changes nothing. */
  const check = (req: BorrowRequestDoc, borrowAction: BorrowAction, it: ItemDoc | null, itemAction: ItemAction | null) => ({
    request: nextBorrowStatus(req.status, borrowAction),
    item: it && itemAction ? nextItemStatus(it.status, itemAction, it.name) : null,
  });

  const decided = (actor: Actor) => ({ decidedAt: s.clock.now(), decidedBy: actor.id, decidedByName: actor.name });

  /** A label code no other item has on this station (40 random bits: clashes across stations are negligible). */
  async function freshCode(): Promise<string> {
    for (let i = 0; i < 8; i++) {
      const code = makeItemCode((n) => randomBytes(n));
      if (!(await events.findOne({ selector: { subjectId: code } }).exec())) return code;
    }
    throw new Error('no free item code');
  }

  return {
    async 'lending.submitItem'(ctx, input) {
      const self = customerPersonId(ctx);
      let ownerId: string;
      let broughtById: string;
      let ownership = input.ownership;
      if (self) {
        if (input.ownership === 'site' || (input.ownerId !== undefined && input.ownerId !== self)) {
          throw new AppError('FORBIDDEN', 'At the kiosk you can lend only your own items.');
        }
        ownership = 'lent';
        ownerId = self;
        broughtById = self;
      } else if (input.ownership === 'lent') {
        if (!input.ownerId) throw new AppError('VALIDATION', 'Some fields need attention.', { ownerId: 'Choose the person who lends it' });
        const owner = await loadPerson(input.ownerId, 'The owner');
        if (owner.deletedAt !== null) throw new AppError('INVALID_TRANSITION', `${owner.name} is deleted; restore the record first.`);
        ownerId = owner.id;
        broughtById = owner.id;
      } else {
        if (input.ownerId) await loadPerson(input.ownerId, 'The person who brought it');
        ownerId = '';
        broughtById = input.ownerId ?? '';
      }
      return s.exclusive(async () => {
        const code = await freshCode();
        const id = uuidv7();
        const doc: ItemDoc = {
          ...newDocBase(s, ctx.actor, id),
          kind: 'item',
          name: input.name,
          nameKey: nameKey(input.name),
          status: 'PENDING_VERIFICATION',
          ownerId,
          category: input.category,
          deleted: false,
          code,
          description: input.description,
          ownership,
          broughtById,
          condition: null,
        };
        await items.insert(doc);
        const label: LabelEventDoc = { ...newDocBase(s, ctx.actor, uuidv7()), type: 'item.label', subjectId: code, at: doc.createdAt, itemId: id };
        await events.insert(label);
        await s.audit.append(ctx.actor, 'item.submit', 'item', id, null, item(doc));
        const owner = ownerId ? await loadPerson(ownerId) : null;
        return toItem(doc, owner?.name ?? '');
      });
    },

    async 'lending.inspect'(ctx, { itemId, condition, notes }) {
      return s.exclusive(async () => {
        const doc = await loadItem(itemId);
        const status = nextItemStatus(doc.status, passes(condition) ? 'inspectPass' : 'inspectFail', doc.name);
        const now = s.clock.now();
        const fact: InspectionEventDoc = {
          ...newDocBase(s, ctx.actor, uuidv7()),
          type: 'inspection',
          subjectId: itemId,
          at: now,
          condition,
          notes,
          stage: 'intake',
          by: ctx.actor.id,
          byName: ctx.actor.name,
          requestId: '',
        };
        await events.insert(fact);
        const after = await patchItem(ctx.actor, 'item.inspect', doc, { status, condition }, { notes });
        return (await toItems(s, [after]))[0];
      });
    },

    async 'lending.withdrawItem'(ctx, { itemId }) {
      const self = customerPersonId(ctx);
      return s.exclusive(async () => {
        const doc = await loadItem(itemId);
        if (self && doc.ownerId !== self) throw new AppError('NOT_FOUND', 'This item does not exist.');
        const status = nextItemStatus(doc.status, 'withdraw', doc.name);
        // Requests still open for it end with it (none can be out: the machine refused that above).
        const open = await borrows.find({ selector: { itemId, status: { $in: ['PENDING', 'APPROVED'] } } }).exec();
        for (const r of open) nextBorrowStatus(r.status, 'cancel');
        for (const r of open) {
          await patchRequest(ctx.actor, 'borrow.cancel', r, { status: 'CANCELLED', ...decided(ctx.actor), reason: 'The owner withdrew the item.' });
        }
        const after = await patchItem(ctx.actor, 'item.withdraw', doc, { status });
        return (await toItems(s, [after]))[0];
      });
    },

    async 'lending.requestBorrow'(ctx, { itemId, borrowerId }) {
      const self = customerPersonId(ctx);
      if (self && borrowerId !== undefined && borrowerId !== self) throw new AppError('FORBIDDEN', 'At the kiosk you can ask only for yourself.');
      if (!self && !borrowerId) throw new AppError('VALIDATION', 'Some fields need attention.', { borrowerId: 'Choose who borrows it' });
      const personId = self ?? (borrowerId as string);
      return s.exclusive(async () => {
        const doc = await loadItem(itemId);
        if (doc.status !== 'AVAILABLE') throw new AppError('INVALID_TRANSITION', `${doc.name} is not available to borrow right now.`);
        if (doc.ownerId && doc.ownerId === personId) {
          throw new AppError('FORBIDDEN', self ? 'This is your own item: you cannot borrow it.' : 'This person owns the item and cannot borrow it.');
        }
        const person = await loadPerson(personId, 'The borrower');
        ensureMayBorrow(person, Boolean(self));
        const mine = await borrows.find({ selector: { itemId, status: { $in: [...OPEN_STATUSES] } } }).exec();
        if (mine.some((r) => r.requesterId === personId)) {
          throw new AppError('CONFLICT', self ? 'You have already asked for this item.' : `${person.name} has already asked for this item.`);
        }
        const id = uuidv7();
        const req: BorrowRequestDoc = {
          ...newDocBase(s, ctx.actor, id),
          kind: 'borrow',
          status: 'PENDING',
          requesterId: personId,
          itemId,
          category: '',
          dueAt: 0,
          deleted: false,
          itemName: doc.name,
          itemCode: doc.code,
          requesterName: person.name,
          decidedAt: null,
          decidedBy: null,
          decidedByName: '',
          reason: '',
          checkedOutAt: null,
          returnedAt: null,
          returnCondition: null,
          late: false,
          daysOverdue: 0,
        };
        await borrows.insert(req);
        await s.audit.append(ctx.actor, 'borrow.request', 'borrowRequest', id, null, borrowSnapshot(req));
        return toBorrowRequest(req, s.clock.now());
      });
    },

    async 'lending.approveBorrow'(ctx, { requestId }) {
      return s.exclusive(async () => {
        const req = await loadRequest(requestId);
        nextBorrowStatus(req.status, 'approve');
        const it = await loadItem(req.itemId);
        const holder = await holderOf(req.itemId, req.id);
        if (holder) {
          throw new AppError(
            'INVALID_TRANSITION',
            `${it.name} is already ${holder.status === 'CHECKED_OUT' ? 'out with' : 'reserved for'} ${holder.requesterName}: only one approved request per item. Deny this one, or approve it after the item is back.`,
          );
        }
        const next = check(req, 'approve', it, 'reserve');
        ensureMayBorrow(await loadPerson(req.requesterId, 'The borrower'), false);
        const after = await patchRequest(ctx.actor, 'borrow.approve', req, { status: next.request, ...decided(ctx.actor) });
        await patchItem(ctx.actor, 'item.reserve', it, { status: next.item! }, { requestId });
        return toBorrowRequest(after, s.clock.now());
      });
    },

    async 'lending.denyBorrow'(ctx, { requestId, reason }) {
      return s.exclusive(async () => {
        const req = await loadRequest(requestId);
        const next = check(req, 'deny', null, null);
        const after = await patchRequest(ctx.actor, 'borrow.deny', req, { status: next.request, reason, ...decided(ctx.actor) });
        return toBorrowRequest(after, s.clock.now());
      });
    },

    async 'lending.cancelBorrow'(ctx, { requestId }) {
      const self = customerPersonId(ctx);
      return s.exclusive(async () => {
        const req = await loadRequest(requestId);
        if (self && req.requesterId !== self) throw new AppError('NOT_FOUND', 'This borrow request does not exist.');
        const releases = req.status === 'APPROVED';
        const it = releases ? await loadItem(req.itemId) : null;
        const next = check(req, 'cancel', it, releases ? 'release' : null);
        const reason = self ? 'Cancelled by the borrower.' : '';
        const after = await patchRequest(ctx.actor, 'borrow.cancel', req, { status: next.request, reason, ...decided(ctx.actor) });
        if (it && next.item) await patchItem(ctx.actor, 'item.release', it, { status: next.item }, { requestId });
        return toBorrowRequest(after, s.clock.now());
      });
    },

    async 'lending.checkOut'(ctx, { requestId }) {
      return s.exclusive(async () => {
        const req = await loadRequest(requestId);
        nextBorrowStatus(req.status, 'checkOut');
        const it = await loadItem(req.itemId);
        const next = check(req, 'checkOut', it, 'checkOut');
        ensureMayBorrow(await loadPerson(req.requesterId, 'The borrower'), false);
        const { loanDays } = await readSettings(s);
        const now = s.clock.now();
        const after = await patchRequest(ctx.actor, 'borrow.checkOut', req, { status: next.request, checkedOutAt: now, dueAt: dueDate(now, loanDays) });
        await patchItem(ctx.actor, 'item.checkOut', it, { status: next.item! }, { requestId, dueAt: after.dueAt });
        return toBorrowRequest(after, now);
      });
    },

    async 'lending.checkIn'(ctx, { requestId, condition, notes }) {
      return s.exclusive(async () => {
        const req = await loadRequest(requestId);
        nextBorrowStatus(req.status, 'return');
        const it = await loadItem(req.itemId);
        const next = check(req, 'return', it, passes(condition) ? 'returnGood' : 'returnPoor');
        const now = s.clock.now();
        const late = daysOverdue(req.dueAt, now);
        const fact: InspectionEventDoc = {
          ...newDocBase(s, ctx.actor, uuidv7()),
          type: 'inspection',
          subjectId: it.id,
          at: now,
          condition,
          notes,
          stage: 'return',
          by: ctx.actor.id,
          byName: ctx.actor.name,
          requestId,
        };
        await events.insert(fact);
        const after = await patchRequest(ctx.actor, 'borrow.checkIn', req, { status: next.request, returnedAt: now, returnCondition: condition, late: late > 0, daysOverdue: late });
        await patchItem(ctx.actor, 'item.return', it, { status: next.item!, condition }, { requestId, notes });
        return toBorrowRequest(after, now);
      });
    },
  };
}


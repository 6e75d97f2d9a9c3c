import type { MangoQuery, RxCollection } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { GeneralRequest, InboxRow, TrailEntry, requestsMethods, requestsTopics } from '../../../shared/contract/requests';
import { AppError } from '../../../shared/errors';
import {
  accountRequesterId,
  actsAsCreator,
  allowedActions,
  canView,
  decide,
  isAccountRequester,
  isOwnRequest,
  ruleStateOf,
  type RequestAction,
  type RequestCaller,
  type RequestPriority,
  type RequestStatus,
  type RuleState,
} from '../../../shared/requests/rules';
import { GENESIS_HASH, entryHash } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { newDocBase, signedIn, type HandlerContext, type Handlers, type Services, type TopicHandlers } from '../context';
import type { AuditDoc, BaseDoc } from '../db/docs';
import { readSettings } from '../settings/settings-handlers';

/** A general request as stored in the `requests` collection (shared with Lending's borrow requests). */
export interface GeneralRequestDoc extends BaseDoc {
  kind: 'general';
  status: RequestStatus;
  /** The person it is for (a customer's person id), or `account:<id>` for a staff member's own request. */
  requesterId: string;
  itemId: '';
  category: string;
  dueAt: 0;
  deleted: boolean;
  title: string;
  description: string;
  priority: RequestPriority;
  attachments: string[];
  assigneeId: string | null;
  onBehalf: boolean;
  submittedAt: number | null;
  decidedBy: string | null;
  decidedAt: number | null;
  reason: string | null;
  withdrawnAt: number | null;
  deletedAt: number | null;
}

/** The fields of a borrow request (Lending's) the approvals inbox reads. */
interface BorrowRequestDoc extends BaseDoc {
  kind: 'borrow';
  status: string;
  requesterId: string;
  itemId: string;
  category: string;
}

const VALIDATION_MESSAGE = 'Some fields need attention.';

const callerOf = (session: Session): RequestCaller => ({ accountId: session.accountId, personId: session.personId, role: session.role });

/** What an audit entry keeps of a request: its state and every field a person can change. */
const auditView = (d: GeneralRequestDoc) => ({
  status: d.status,
  deleted: d.deleted,
  title: d.title,
  description: d.description,
  category: d.category,
  priority: d.priority,
  attachments: d.attachments,
  assigneeId: d.assigneeId,
  requesterId: d.requesterId,
  onBehalf: d.onBehalf,
  decidedBy: d.decidedBy,
  decidedAt: d.decidedAt,
  reason: d.reason,
});
type AuditView = ReturnType<typeof auditView>;
const EDITABLE: (keyof AuditView)[] = ['title', 'description', 'category', 'priority', 'attachments', 'assigneeId'];

type NameBook = { account(id: string | null): string | null; person(id: string): string };

export function requestsHandlers(s: Services): Pick<Handlers, keyof typeof requestsMethods> {
  const requests = s.db.requests as unknown as RxCollection<GeneralRequestDoc>;
  const names = nameBookFor(s);

  async function load(id: string) {
    const doc = await requests.findOne(id).exec();
    if (!doc || doc.kind !== 'general') throw new AppError('NOT_FOUND', 'This request does not exist.');
    return doc;
  }

  /** The category as the settings spell it; VALIDATION when it is not one of them. */
  async function checkCategory(category: string): Promise<string> {
    const list = (await readSettings(s)).requestCategories;
    const found = list.find((c) => c.toLowerCase() === category.trim().toLowerCase());
    if (!found) throw new AppError('VALIDATION', VALIDATION_MESSAGE, { category: `Choose one of the categories: ${list.join(', ')}` });
    return found;
  }

  async function checkAssignee(assigneeId: string | null | undefined): Promise<string | null> {
    if (!assigneeId) return null;
    const account = await s.db.accounts.findOne(assigneeId).exec();
    if (!account || account.status !== 'active' || (account.role !== 'manager' && account.role !== 'admin')) {
      throw new AppError('VALIDATION', VALIDATION_MESSAGE, { assigneeId: 'Choose an active manager or admin' });
    }
    return account.id;
  }

  type DraftInput = { title: string; description: string; category: string; priority: RequestPriority; attachments: string[]; assigneeId?: string | null };

  async function insertDraft(ctx: HandlerContext, input: DraftInput, requesterId: string, onBehalf: boolean): Promise<GeneralRequest> {
    const { session } = signedIn(ctx);
    const category = await checkCategory(input.category);
    const assigneeId = await checkAssignee(input.assigneeId);
    const id = uuidv7();
    const doc: GeneralRequestDoc = {
      ...newDocBase(s, ctx.actor, id),
      kind: 'general',
      status: 'DRAFT',
      requesterId,
      itemId: '',
      category,
      dueAt: 0,
      deleted: false,
      title: input.title,
      description: input.description,
      priority: input.priority,
      attachments: input.attachments,
      assigneeId,
      onBehalf,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      withdrawnAt: null,
      deletedAt: null,
    };
    await requests.insert(doc);
    await s.audit.append(ctx.actor, 'request.create', 'request', id, null, auditView(doc));
    return toRequest(doc, callerOf(session), await names([doc]));
  }

  /**
   * One transition of a request, one at a time (check-then-write must not race: two managers
   * deciding at once, a withdraw crossing an approval): load, ask the rules, write, audit.
   */
  function transition(
    ctx: HandlerContext,
    id: string,
    action: RequestAction,
    patchFor: (before: GeneralRequestDoc, now: number) => Promise<Partial<GeneralRequestDoc>> | Partial<GeneralRequestDoc> = () => ({}),
  ): Promise<GeneralRequest> {
    return s.exclusive(async () => {
      const { session } = signedIn(ctx);
      const caller = callerOf(session);
      const doc = await load(id);
      const before = doc.toJSON() as GeneralRequestDoc;
      if (caller.role === 'customer' && !isOwnRequest(before, caller)) throw new AppError('FORBIDDEN', 'This request is not yours.');
      const next = decide(ruleStateOf(before), action, caller.role, actsAsCreator(before, caller, action));
      const now = s.clock.now();
      const patch: Partial<GeneralRequestDoc> = { ...(await patchFor(before, now)), ...stateFields(next, now), updatedAt: now };
      const after = (await doc.incrementalPatch(patch)).toJSON() as GeneralRequestDoc;
      await s.audit.append(ctx.actor, `request.${action}`, 'request', id, auditView(before), auditView(after));
      return toRequest(after, caller, await names([after]));
    });
  }

  return {
    async 'requests.createDraft'(ctx, input) {
      const { session } = signedIn(ctx);
      if (session.role === 'customer') {
        if (!session.personId) throw new AppError('NOT_FOUND', 'Your record was not found. Please ask at the front desk.');
        return insertDraft(ctx, input, session.personId, false);
      }
      return insertDraft(ctx, input, accountRequesterId(session.accountId), false);
    },

    async 'requests.createOnBehalf'(ctx, { personId, ...input }) {
      const person = await s.db.people.findOne(personId).exec();
      if (!person || person.deletedAt !== null) throw new AppError('VALIDATION', VALIDATION_MESSAGE, { personId: 'Choose a customer from the list' });
      if (!person.active) throw new AppError('VALIDATION', VALIDATION_MESSAGE, { personId: `${person.name} is inactive; reactivate the record first` });
      return insertDraft(ctx, input, person.id, true);
    },

    async 'requests.updateDraft'(ctx, { id, ...input }) {
      return transition(ctx, id, 'edit', async (before) => {
        const patch: Partial<GeneralRequestDoc> = {};
        if (input.title !== undefined) patch.title = input.title;
        if (input.description !== undefined) patch.description = input.description;
        if (input.priority !== undefined) patch.priority = input.priority;
        if (input.attachments !== undefined) patch.attachments = input.attachments;
        // A category removed from the settings since may stay on an old draft until it is changed.
        if (input.category !== undefined && input.category !== before.category) patch.category = await checkCategory(input.category);
        if (input.assigneeId !== undefined) patch.assigneeId = await checkAssignee(input.assigneeId);
        return patch;
      });
    },

    async 'requests.submit'(ctx, { id }) {
      return transition(ctx, id, 'submit', (_b, now) => ({ submittedAt: now }));
    },

    async 'requests.withdraw'(ctx, { id }) {
      return transition(ctx, id, 'withdraw', (_b, now) => ({ withdrawnAt: now }));
    },

    async 'requests.deleteDraft'(ctx, { id }) {
      return transition(ctx, id, 'delete');
    },

    async 'requests.approve'(ctx, { id }) {
      return transition(ctx, id, 'approve', (_b, now) => ({ decidedBy: signedIn(ctx).session.accountId, decidedAt: now, reason: null }));
    },

    async 'requests.reject'(ctx, { id, reason }) {
      // The contract already refuses an empty reason; this guards the rule where it is enforced.
      if (!reason.trim()) throw new AppError('VALIDATION', VALIDATION_MESSAGE, { reason: 'Give a reason for the rejection' });
      return transition(ctx, id, 'reject', (_b, now) => ({ decidedBy: signedIn(ctx).session.accountId, decidedAt: now, reason: reason.trim() }));
    },

    async 'requests.restore'(ctx, { id }) {
      return transition(ctx, id, 'restore');
    },

    async 'requests.assignees'() {
      const docs = await s.db.accounts.find({ selector: { role: { $in: ['manager', 'admin'] }, status: 'active' } }).exec();
      return docs
        .map((d) => ({ id: d.id, displayName: d.displayName, role: d.role as 'manager' | 'admin' }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
  };
}

/** Status and soft-delete fields of the state the rules lead to. */
function stateFields(next: RuleState, now: number): Partial<GeneralRequestDoc> {
  if (next === 'DELETED') return { deleted: true, deletedAt: now };
  return { status: next, deleted: false, deletedAt: null };
}

/** Names of the accounts and people a page of requests mentions, read by id in one go. */
function nameBookFor(s: Services) {
  return async (docs: { requesterId: string; createdBy: string; assigneeId?: string | null; decidedBy?: string | null }[]): Promise<NameBook> => {
    const accountIds = new Set<string>();
    const personIds = new Set<string>();
    for (const d of docs) {
      accountIds.add(d.createdBy);
      if (d.assigneeId) accountIds.add(d.assigneeId);
      if (d.decidedBy) accountIds.add(d.decidedBy);
      if (isAccountRequester(d.requesterId)) accountIds.add(d.requesterId.slice('account:'.length));
      else if (d.requesterId) personIds.add(d.requesterId);
    }
    const accounts = accountIds.size ? await s.db.accounts.findByIds([...accountIds]).exec() : new Map();
    const people = personIds.size ? await s.db.people.findByIds([...personIds]).exec() : new Map();
    return {
      account: (id) => (id ? ((accounts.get(id) as { displayName: string } | undefined)?.displayName ?? 'Unknown account') : null),
      person: (id) => {
        if (isAccountRequester(id)) return (accounts.get(id.slice('account:'.length)) as { displayName: string } | undefined)?.displayName ?? 'Unknown account';
        return (people.get(id) as { name: string } | undefined)?.name ?? 'Unknown person';
      },
    };
  };
}

function toRequest(d: GeneralRequestDoc, caller: RequestCaller, book: NameBook): GeneralRequest {
  return {
    id: d.id,
    kind: 'general',
    status: d.status,
    deleted: d.deleted,
    title: d.title,
    description: d.description,
    category: d.category,
    priority: d.priority,
    attachments: d.attachments ?? [],
    requesterId: d.requesterId,
    requesterName: book.person(d.requesterId),
    forCustomer: !isAccountRequester(d.requesterId),
    onBehalf: d.onBehalf,
    createdBy: d.createdBy,
    createdByName: book.account(d.createdBy) ?? 'Unknown account',
    assigneeId: d.assigneeId ?? null,
    assigneeName: book.account(d.assigneeId ?? null),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    submittedAt: d.submittedAt ?? null,
    decidedAt: d.decidedAt ?? null,
    decidedBy: d.decidedBy ?? null,
    decidedByName: book.account(d.decidedBy ?? null),
    reason: d.reason ?? null,
    withdrawnAt: d.withdrawnAt ?? null,
    deletedAt: d.deletedAt ?? null,
    allowed: allowedActions(d, caller),
  };
}

const stateOfView = (v: unknown): string | null => {
  if (!v || typeof v !== 'object') return null;
  const { status, deleted } = v as { status?: string; deleted?: boolean };
  return deleted ? 'DELETED' : (status ?? null);
};

export function requestsTopicHandlers(s: Services): Pick<TopicHandlers, keyof typeof requestsTopics> {
  const requests = s.db.requests as unknown as RxCollection<GeneralRequestDoc>;
  const borrows = s.db.requests as unknown as RxCollection<BorrowRequestDoc>;
  const names = nameBookFor(s);

  /** The request if the caller may see it: NOT_FOUND for a deleted one (unless admin), FORBIDDEN for someone else's. */
  async function visible(ctx: HandlerContext, id: string): Promise<{ doc: GeneralRequestDoc; caller: RequestCaller }> {
    const caller = callerOf(signedIn(ctx).session);
    const found = await requests.findOne(id).exec();
    const doc = found?.kind === 'general' ? (found.toJSON() as GeneralRequestDoc) : null;
    if (!doc || (doc.deleted && caller.role !== 'admin')) throw new AppError('NOT_FOUND', 'This request does not exist or was deleted.');
    if (!canView(doc, caller)) throw new AppError('FORBIDDEN', 'This request is not yours.');
    return { doc, caller };
  }

  /** A requester's requests, newest first, through the [requesterId, createdAt] index. */
  async function byRequester(requesterId: string, caller: RequestCaller, limit: number) {
    const docs = await requests
      .find({
        selector: { requesterId, kind: 'general', deleted: false },
        sort: [{ requesterId: 'desc' }, { createdAt: 'desc' }],
        index: ['requesterId', 'createdAt'],
        limit: limit + 1,
      })
      .exec();
    const rows = docs.slice(0, limit).map((d) => d.toJSON() as GeneralRequestDoc);
    const book = await names(rows);
    return { rows: rows.map((d) => toRequest(d, caller, book)), more: docs.length > limit };
  }

  /** One kind's waiting requests, oldest first, straight off the index (LIMIT in the storage). */
  function waiting<T extends BaseDoc>(collection: RxCollection<T>, kind: 'general' | 'borrow', status: string, category: string, limit: number) {
    const query = category
      ? { selector: { kind, status, category }, sort: [{ kind: 'asc' }, { status: 'asc' }, { category: 'asc' }, { createdAt: 'asc' }], limit }
      : { selector: { kind, status }, sort: [{ kind: 'asc' }, { status: 'asc' }, { createdAt: 'asc' }], limit };
    return collection.find(query as MangoQuery<T>).exec();
  }

  const countWaiting = async () => {
    const general = await requests.count({ selector: { kind: 'general', status: 'SUBMITTED' } }).exec();
    const borrow = await borrows.count({ selector: { kind: 'borrow', status: 'PENDING' } }).exec();
    return { general, borrow, total: general + borrow };
  };

  return {
    'requests.mine': {
      collections: ['requests'],
      async run(ctx, { limit }) {
        const { session } = signedIn(ctx);
        const caller = callerOf(session);
        if (session.role === 'customer') return session.personId ? byRequester(session.personId, caller, limit) : { rows: [], more: false };
        return byRequester(accountRequesterId(session.accountId), caller, limit);
      },
    },

    'requests.forPerson': {
      collections: ['requests'],
      async run(ctx, { personId, limit }) {
        // Staff see customers' requests; a colleague's own requests are never "for a person".
        if (isAccountRequester(personId)) throw new AppError('FORBIDDEN', 'Choose a customer.');
        return byRequester(personId, callerOf(signedIn(ctx).session), limit);
      },
    },

    'requests.get': {
      collections: ['requests'],
      async run(ctx, { id }) {
        const { doc, caller } = await visible(ctx, id);
        return toRequest(doc, caller, await names([doc]));
      },
    },

    'requests.trail': {
      collections: ['requests', 'audit'],
      async run(ctx, { id }) {
        await visible(ctx, id);
        const docs = await s.db.audit.find({ selector: { entityId: id }, sort: [{ entityId: 'asc' }, { at: 'asc' }, { id: 'asc' }], limit: 1000 }).exec();
        const entries: TrailEntry[] = [];
        for (const d of docs) {
          const e = d.toJSON() as AuditDoc;
          const before = e.before as Partial<AuditView> | null;
          const after = e.after as Partial<AuditView> | null;
          // Each entry is checked where it sits: its own hash, and its link to the entry before it.
          const prev = e.seq > 1 ? await s.db.audit.findOne({ selector: { deviceId: e.deviceId, seq: e.seq - 1 } }).exec() : null;
          const linked = e.seq === 1 ? e.prevHash === GENESIS_HASH : prev?.hash === e.prevHash;
          entries.push({
            id: e.id,
            seq: e.seq,
            at: e.at,
            actorName: e.actorName,
            action: e.action,
            from: stateOfView(before),
            to: stateOfView(after),
            changed: before && after ? EDITABLE.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) : [],
            reason: e.action === 'request.reject' ? (after?.reason ?? null) : null,
            verified: linked && entryHash(e) === e.hash,
          });
        }
        return { entries, intact: entries.every((e) => e.verified) };
      },
    },

    'requests.deleted': {
      collections: ['requests'],
      async run(ctx, { limit }) {
        const caller = callerOf(signedIn(ctx).session);
        const docs = await requests
          .find({ selector: { deleted: true, kind: 'general' }, sort: [{ deleted: 'desc' }, { updatedAt: 'desc' }], index: ['deleted', 'updatedAt'], limit: limit + 1 })
          .exec();
        const rows = docs.slice(0, limit).map((d) => d.toJSON() as GeneralRequestDoc);
        const book = await names(rows);
        return { rows: rows.map((d) => toRequest(d, caller, book)), more: docs.length > limit };
      },
    },

    'approvals.inbox': {
      collections: ['requests', 'catalog', 'people'],
      async run(ctx, { kind, category, limit }) {
        const caller = callerOf(signedIn(ctx).session);
        // Borrow requests have no category: a category filter shows general requests only.
        const wantGeneral = kind !== 'borrow';
        const wantBorrow = kind !== 'general' && !category;
        const general = wantGeneral ? (await waiting(requests, 'general', 'SUBMITTED', category, limit + 1)).map((d) => d.toJSON() as GeneralRequestDoc) : [];
        const borrow = wantBorrow ? (await waiting(borrows, 'borrow', 'PENDING', '', limit + 1)).map((d) => d.toJSON() as BorrowRequestDoc) : [];

        // Two index-ordered lists merged by age: the first `limit` of the merge are the answer.
        type Entry = { kind: 'general'; doc: GeneralRequestDoc } | { kind: 'borrow'; doc: BorrowRequestDoc };
        const merged: Entry[] = [];
        let g = 0;
        let b = 0;
        while (merged.length < limit + 1 && (g < general.length || b < borrow.length)) {
          const takeGeneral = b >= borrow.length || (g < general.length && (general[g].createdAt < borrow[b].createdAt || (general[g].createdAt === borrow[b].createdAt && general[g].id < borrow[b].id)));
          merged.push(takeGeneral ? { kind: 'general', doc: general[g++] } : { kind: 'borrow', doc: borrow[b++] });
        }
        const page = merged.slice(0, limit);

        const book = await names(page.map((e) => e.doc));
        const itemIds = [...new Set(page.filter((e) => e.kind === 'borrow').map((e) => e.doc.itemId))];
        const items = itemIds.length ? await s.db.catalog.findByIds(itemIds).exec() : new Map();
        const rows: InboxRow[] = page.map((e) =>
          e.kind === 'general'
            ? {
                id: e.doc.id,
                kind: 'general',
                title: e.doc.title,
                requesterName: book.person(e.doc.requesterId),
                category: e.doc.category,
                priority: e.doc.priority,
                createdAt: e.doc.createdAt,
                own: isOwnRequest(e.doc, caller),
              }
            : {
                id: e.doc.id,
                kind: 'borrow',
                title: String((items.get(e.doc.itemId) as { name?: unknown } | undefined)?.name ?? 'Unknown item'),
                requesterName: book.person(e.doc.requesterId),
                category: '',
                priority: null,
                createdAt: e.doc.createdAt,
                own: false,
              },
        );

        const counts = await countWaiting();
        let total = (wantGeneral ? counts.general : 0) + (wantBorrow ? counts.borrow : 0);
        if (category) total = await requests.count({ selector: { kind: 'general', status: 'SUBMITTED', category } }).exec();
        return { rows, total, more: merged.length > limit };
      },
    },

    'approvals.count': {
      collections: ['requests'],
      async run() {
        return countWaiting();
      },
    },
  };
}

import type { MangoQuerySelector } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { Person, PersonRow } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/errors';
import { SIMILAR_NAME_THRESHOLD, nameKey, nameSimilarity, nameSoundKey, normalizeEmail, normalizePhone } from '../../../shared/people/validation';
import type { Actor } from '../audit/audit-log';
import { startOfLocalMonth } from '../clock';
import { newDocBase, type Handlers, type Services, type TopicHandlers } from '../context';
import type { PersonDoc, PersonStatus } from '../db/docs';

export const toPerson = (d: PersonDoc): Person => ({
  id: d.id,
  name: d.name,
  email: d.email,
  phone: d.phone,
  address: d.address,
  active: d.active,
  blocked: d.blocked,
  blockedReason: d.blockedReason ?? '',
  deletedAt: d.deletedAt ?? null,
  mergedInto: d.mergedInto ?? null,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

const toRow = (d: PersonDoc): PersonRow => ({ id: d.id, name: d.name, email: d.email, phone: d.phone, active: d.active, deletedAt: d.deletedAt ?? null });

/** "Ana María García" → "garcia ana maria": a prefix search on this finds surnames. */
const altNameKey = (key: string): string => {
  const tokens = key.split(' ');
  return tokens.length > 1 ? [tokens[tokens.length - 1], ...tokens.slice(0, -1)].join(' ') : key;
};

function derivedKeys(name: string, email: string) {
  const key = nameKey(name);
  return { nameKey: key, altNameKey: altNameKey(key), soundKey: nameSoundKey(name), emailKey: normalizeEmail(email) };
}

const statusOf = (active: boolean, deletedAt: number | null): PersonStatus => (deletedAt !== null ? 'deleted' : active ? 'active' : 'inactive');

/** Email is unique among active people (seed 003). */
export async function ensureEmailFree(s: Services, emailKey: string, exceptId: string | null): Promise<void> {
  if (!emailKey) return;
  const clash = await s.db.people.findOne({ selector: { status: 'active', emailKey } }).exec();
  if (clash && clash.id !== exceptId) {
    throw new AppError('CONFLICT', `${clash.name} already uses this email.`, { email: 'Another active person already uses this email' });
  }
}

export const createPersonDoc = (s: Services, actor: Actor, input: PersonInput): Promise<PersonDoc> => s.exclusive(() => insertPersonDoc(s, actor, input));

type PersonInput = { name: string; email: string; phone: string; address: string };

/** Call only inside `s.exclusive`: checks the email is free, then inserts. */
export async function insertPersonDoc(s: Services, actor: Actor, input: PersonInput): Promise<PersonDoc> {
  await ensureEmailFree(s, normalizeEmail(input.email), null);
  const doc = newPersonDoc(newDocBase(s, actor, uuidv7()), input);
  await s.db.people.insert(doc);
  await s.audit.append(actor, 'person.create', 'person', doc.id, null, toPerson(doc));
  return doc;
}

/** A new active person with its derived search keys (no checks, no write). */
export function newPersonDoc(base: Pick<PersonDoc, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'deviceId'>, input: PersonInput): PersonDoc {
  return {
    ...base,
    name: input.name.trim(),
    email: input.email.trim(),
    phone: input.phone ? (normalizePhone(input.phone) ?? input.phone) : '',
    address: input.address.trim(),
    active: true,
    blocked: false,
    status: 'active',
    deletedAt: null,
    mergedInto: null,
    ...derivedKeys(input.name, input.email),
  };
}

type PeopleMethods =
  | 'people.get'
  | 'people.create'
  | 'people.update'
  | 'people.deactivate'
  | 'people.reactivate'
  | 'people.delete'
  | 'people.restore'
  | 'people.findDuplicates'
  | 'people.merge'
  | 'people.block'
  | 'people.unblock';

export function peopleHandlers(s: Services): Pick<Handlers, PeopleMethods> {
  const { db, audit } = s;

  async function load(id: string) {
    const doc = await db.people.findOne(id).exec();
    if (!doc) throw new AppError('NOT_FOUND', 'This person does not exist.');
    return doc;
  }

  /** One audited change of a person; returns the new state. Serialised with other email checks. */
  const change = (actor: Actor, action: string, id: string, mutate: (before: PersonDoc) => Promise<Partial<PersonDoc>> | Partial<PersonDoc>): Promise<Person> =>
    s.exclusive(() => changeNow(actor, action, id, mutate));

  async function changeNow(actor: Actor, action: string, id: string, mutate: (before: PersonDoc) => Promise<Partial<PersonDoc>> | Partial<PersonDoc>): Promise<Person> {
    const doc = await load(id);
    const before = doc.toJSON() as PersonDoc;
    const patch = await mutate(before);
    const next = { ...before, ...patch };
    const status = statusOf(next.active, next.deletedAt);
    const after = (await doc.incrementalPatch({ ...patch, status, updatedAt: s.clock.now() })).toJSON() as PersonDoc;
    await audit.append(actor, action, 'person', id, toPerson(before), toPerson(after));
    return toPerson(after);
  }

  const refuseDeleted = (p: PersonDoc) => {
    if (p.deletedAt !== null) throw new AppError('INVALID_TRANSITION', `${p.name} is deleted. An admin can restore the record first.`);
  };

  async function findDuplicates(input: { name: string; email: string; phone: string; excludeId?: string }) {
    const found = new Map<string, { doc: PersonDoc; reasons: Set<'email' | 'phone' | 'name'> }>();
    const add = (d: PersonDoc, reason: 'email' | 'phone' | 'name') => {
      if (d.id === input.excludeId || d.status === 'deleted') return;
      const entry = found.get(d.id) ?? { doc: d, reasons: new Set() };
      entry.reasons.add(reason);
      found.set(d.id, entry);
    };
    const emailKey = normalizeEmail(input.email);
    if (emailKey) for (const d of await db.people.find({ selector: { emailKey }, limit: 20 }).exec()) add(d.toJSON() as PersonDoc, 'email');
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (phone) for (const d of await db.people.find({ selector: { phone }, limit: 20 }).exec()) add(d.toJSON() as PersonDoc, 'phone');
    const key = nameKey(input.name);
    if (key.length >= 3) {
      const soundKey = nameSoundKey(input.name);
      // One index range per status: an $in on the leading index field would span every status.
      const candidates = [
        ...(await db.people.find({ selector: { status: 'active', soundKey }, limit: 50 }).exec()),
        ...(await db.people.find({ selector: { status: 'inactive', soundKey }, limit: 50 }).exec()),
        ...(await db.people.find({ selector: { status: 'active', nameKey: { $gte: key.slice(0, 3), $lt: `${key.slice(0, 3)}\uffff` } }, limit: 200 }).exec()),
      ];
      for (const c of candidates) {
        const d = c.toJSON() as PersonDoc;
        if (d.soundKey === soundKey || nameSimilarity(d.nameKey, key) >= SIMILAR_NAME_THRESHOLD) add(d, 'name');
      }
    }
    return [...found.values()].slice(0, 10).map(({ doc, reasons }) => ({ person: toRow(doc), reasons: [...reasons] }));
  }

  return {
    async 'people.get'(_ctx, { id }) {
      return toPerson((await load(id)).toJSON() as PersonDoc);
    },

    async 'people.create'(ctx, input) {
      return toPerson(await createPersonDoc(s, ctx.actor, input));
    },

    async 'people.update'(ctx, input) {
      return change(ctx.actor, 'person.update', input.id, async (p) => {
        refuseDeleted(p);
        const patch: Partial<PersonDoc> = {};
        if (input.name !== undefined) patch.name = input.name;
        if (input.email !== undefined) patch.email = input.email;
        if (input.phone !== undefined) patch.phone = input.phone ? (normalizePhone(input.phone) ?? input.phone) : '';
        if (input.address !== undefined) patch.address = input.address;
        const keys = derivedKeys(patch.name ?? p.name, patch.email ?? p.email);
        if (p.active && keys.emailKey !== p.emailKey) await ensureEmailFree(s, keys.emailKey, p.id);
        return { ...patch, ...keys };
      });
    },

    async 'people.deactivate'(ctx, { id }) {
      return change(ctx.actor, 'person.deactivate', id, (p) => {
        refuseDeleted(p);
        if (!p.active) throw new AppError('INVALID_TRANSITION', `${p.name} is already inactive.`);
        return { active: false };
      });
    },

    async 'people.reactivate'(ctx, { id }) {
      return change(ctx.actor, 'person.reactivate', id, async (p) => {
        refuseDeleted(p);
        if (p.active) throw new AppError('INVALID_TRANSITION', `${p.name} is already active.`);
        await ensureEmailFree(s, p.emailKey, p.id);
        return { active: true };
      });
    },

    async 'people.delete'(ctx, { id }) {
      return change(ctx.actor, 'person.delete', id, (p) => {
        refuseDeleted(p);
        return { deletedAt: s.clock.now() };
      });
    },

    async 'people.restore'(ctx, { id }) {
      return change(ctx.actor, 'person.restore', id, async (p) => {
        if (p.deletedAt === null) throw new AppError('INVALID_TRANSITION', `${p.name} is not deleted.`);
        if (p.mergedInto) throw new AppError('INVALID_TRANSITION', `${p.name} was merged into another record and cannot be restored.`);
        if (p.active) await ensureEmailFree(s, p.emailKey, p.id);
        return { deletedAt: null };
      });
    },

    async 'people.findDuplicates'(_ctx, input) {
      return findDuplicates(input);
    },

    async 'people.block'(ctx, { id, reason }) {
      return change(ctx.actor, 'person.block', id, (p) => {
        refuseDeleted(p);
        if (p.blocked) throw new AppError('INVALID_TRANSITION', `${p.name} is already blocked.`);
        return { blocked: true, blockedReason: reason };
      });
    },

    async 'people.unblock'(ctx, { id }) {
      return change(ctx.actor, 'person.unblock', id, (p) => {
        if (!p.blocked) throw new AppError('INVALID_TRANSITION', `${p.name} is not blocked.`);
        return { blocked: false, blockedReason: '' };
      });
    },

    async 'people.merge'(ctx, { keepId, mergeId }) {
      const keep = (await load(keepId)).toJSON() as PersonDoc;
      const gone = (await load(mergeId)).toJSON() as PersonDoc;
      refuseDeleted(keep);
      refuseDeleted(gone);
      // The retired record leaves first so the kept one may take over its email.
      await change(ctx.actor, 'person.mergedAway', mergeId, () => ({ active: false, deletedAt: s.clock.now(), mergedInto: keepId }));
      const merged = await change(ctx.actor, 'person.merge', keepId, () => {
        const patch: Partial<PersonDoc> = {};
        if (!keep.email && gone.email) patch.email = gone.email;
        if (!keep.phone && gone.phone) patch.phone = gone.phone;
        if (!keep.address && gone.address) patch.address = gone.address;
        return { ...patch, ...derivedKeys(keep.name, patch.email ?? keep.email) };
      });
      // Accounts that pointed at the retired record now point at the one that stays.
      for (const account of await db.accounts.find({ selector: { personId: mergeId } }).exec()) {
        await account.incrementalPatch({ personId: keepId, updatedAt: s.clock.now() });
        await audit.append(ctx.actor, 'account.relink', 'account', account.id, { personId: mergeId }, { personId: keepId });
      }
      s.sessions.relinkPerson(mergeId, keepId);
      return merged;
    },
  };
}

export function peopleTopicHandlers(s: Services): Pick<TopicHandlers, 'people.list' | 'people.stats'> {
  const { db } = s;
  return {
    'people.list': {
      collections: ['people'],
      async run(_ctx, { search, status, limit }) {
        const statuses: PersonStatus[] = status === 'all' ? ['active', 'inactive'] : [status];
        const q = search.trim();
        const selectors: MangoQuerySelector<PersonDoc>[] = [];
        for (const st of statuses) {
          if (!q) {
            selectors.push({ status: st });
            continue;
          }
          const key = nameKey(q);
          if (key) {
            selectors.push({ status: st, nameKey: { $gte: key, $lt: `${key}\uffff` } });
            selectors.push({ status: st, altNameKey: { $gte: key, $lt: `${key}\uffff` } });
          }
          const email = q.toLowerCase();
          if (email.length >= 2 && /[@a-z]/.test(email)) selectors.push({ status: st, emailKey: { $gte: email, $lt: `${email}\uffff` } });
          const digits = q.replace(/[\s()-]/g, '').replace(/^00/, '+');
          if (/^\+?\d{3,}$/.test(digits)) {
            const phone = digits.startsWith('+') ? digits : `+${digits}`;
            selectors.push({ status: st, phone: { $gte: phone, $lt: `${phone}\uffff` } });
          }
        }
        const byId = new Map<string, PersonDoc>();
        let more = false;
        for (const selector of selectors) {
          const field = Object.keys(selector).find((k) => k !== 'status') ?? 'nameKey';
          const docs = await db.people.find({ selector, sort: [{ status: 'asc' }, { [field]: 'asc' } as Record<string, 'asc'>], limit: limit + 1 }).exec();
          if (docs.length > limit) more = true;
          for (const d of docs.slice(0, limit)) byId.set(d.id, d.toJSON() as PersonDoc);
        }
        const rows = [...byId.values()].sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.id < b.id ? -1 : 1));
        if (rows.length > limit) more = true;
        let total = rows.length;
        if (!q) {
          total = 0;
          for (const st of statuses) total += await db.people.count({ selector: { status: st } }).exec();
          more = total > limit;
        }
        return { rows: rows.slice(0, limit).map(toRow), total, more };
      },
    },
    'people.stats': {
      collections: ['people'],
      async run() {
        const active = await db.people.count({ selector: { status: 'active' } }).exec();
        const inactive = await db.people.count({ selector: { status: 'inactive' } }).exec();
        const since = startOfLocalMonth(s.clock.now());
        let newThisMonth = 0;
        for (const st of ['active', 'inactive'] as const) newThisMonth += await db.people.count({ selector: { status: st, createdAt: { $gte: since } } }).exec();
        return { total: active + inactive, active, newThisMonth };
      },
    },
  };
}

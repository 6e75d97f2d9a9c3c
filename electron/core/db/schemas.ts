import type { RxJsonSchema } from 'rxdb';

/**
 * The 12 collections of the data model (DESIGN 2.5). Open-source RxDB allows 13 per process:
 * adding one means removing one.
 *
 * Every document carries id (UUID v7 made on the device), createdAt/updatedAt (epoch ms),
 * createdBy and deviceId. Fields used in indexes are required and bounded, as RxDB demands.
 */
const idField = { type: 'string', maxLength: 64 } as const;
const keyField = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const timeField = { type: 'number', minimum: 0, maximum: 9_999_999_999_999, multipleOf: 1 } as const;
const base = {
  id: idField,
  createdAt: timeField,
  updatedAt: timeField,
  createdBy: { type: 'string', maxLength: 64 },
  deviceId: { type: 'string', maxLength: 64 },
} as const;
const baseRequired = ['id', 'createdAt', 'updatedAt', 'createdBy', 'deviceId'];

type AnyDoc = Record<string, unknown>;

function schema(
  title: string,
  properties: Record<string, unknown>,
  required: string[],
  indexes: (string | string[])[],
  version = 0,
): RxJsonSchema<AnyDoc> {
  return {
    title,
    version,
    primaryKey: 'id',
    type: 'object',
    properties: { ...base, ...properties },
    required: [...baseRequired, ...required],
    indexes,
  } as RxJsonSchema<AnyDoc>;
}

export const accountsSchema = schema(
  'accounts',
  {
    username: keyField(254),
    usernameKey: keyField(254),
    displayName: { type: 'string' },
    role: keyField(16),
    status: keyField(16),
    passwordHash: { type: 'string' },
    pinHash: { type: 'string' },
    personId: { type: ['string', 'null'] },
  },
  ['username', 'usernameKey', 'displayName', 'role', 'status'],
  ['usernameKey', ['role', 'status']],
);

export const peopleSchema = schema(
  'people',
  {
    name: { type: 'string' },
    nameKey: keyField(200),
    /** The name with its last word first, so a prefix search finds surnames too. */
    altNameKey: keyField(200),
    soundKey: keyField(200),
    email: { type: 'string' },
    emailKey: keyField(254),
    phone: keyField(32),
    address: { type: 'string' },
    active: { type: 'boolean' },
    blocked: { type: 'boolean' },
    /** Denormalised from active/deletedAt so every list is one index range. */
    status: keyField(16),
    deletedAt: { type: ['number', 'null'] },
    mergedInto: { type: ['string', 'null'] },
  },
  ['name', 'nameKey', 'altNameKey', 'soundKey', 'email', 'emailKey', 'phone', 'status', 'active', 'blocked'],
  [['status', 'nameKey'], ['status', 'altNameKey'], ['status', 'emailKey'], ['status', 'phone'], ['status', 'soundKey'], ['status', 'createdAt'], 'emailKey', 'phone'],
);

export const catalogSchema = schema(
  'catalog',
  {
    /** item (a lendable unit), product (shop), category. */
    kind: keyField(16),
    name: { type: 'string' },
    nameKey: keyField(200),
    /** Items: their state machine (PENDING_VERIFICATION, AVAILABLE, …); products: active/retired. */
    status: keyField(32),
    /** Items: the person who owns it ('' when the site owns it). */
    ownerId: keyField(64),
    /** A category name ('' when none), so browsing by category is an index range. */
    category: keyField(64),
    deleted: { type: 'boolean' },
  },
  ['kind', 'name', 'nameKey', 'status', 'ownerId', 'category', 'deleted'],
  [['kind', 'status', 'createdAt'], ['kind', 'status', 'category', 'nameKey'], ['kind', 'status', 'nameKey'], ['kind', 'nameKey'], ['ownerId', 'createdAt']],
);

/** Buildings, units, access points, trucks, stock locations — and the site's settings (kind: settings). */
export const sitesSchema = schema('sites', { kind: keyField(32), name: { type: 'string' }, parentId: keyField(64) }, ['kind', 'name', 'parentId'], [['kind', 'parentId']]);

export const passesSchema = schema(
  'passes',
  { kind: keyField(16), code: keyField(16), personId: keyField(64), validFrom: timeField, validUntil: timeField, revoked: { type: 'boolean' } },
  ['kind', 'code', 'personId', 'validFrom', 'validUntil', 'revoked'],
  ['code', ['personId', 'validUntil']],
);

export const visitsSchema = schema(
  'visits',
  { status: keyField(16), visitorId: keyField(64), hostId: keyField(64), expectedAt: timeField },
  ['status', 'visitorId', 'hostId', 'expectedAt'],
  [['status', 'expectedAt'], ['hostId', 'expectedAt']],
);

export const requestsSchema = schema(
  'requests',
  {
    /** general (seed 004) or borrow (seed 000). */
    kind: keyField(16),
    status: keyField(24),
    /** The person the request is for (a customer, or the staff member's own person record). */
    requesterId: keyField(64),
    /** Borrow requests: the item ('' for general requests). */
    itemId: keyField(64),
    /** General requests: the category ('' for borrow requests). */
    category: keyField(64),
    /** Borrow requests once checked out: when the item is due back (0 before). */
    dueAt: timeField,
    /** Soft delete of drafts; kept for admins to restore. */
    deleted: { type: 'boolean' },
  },
  ['kind', 'status', 'requesterId', 'itemId', 'category', 'dueAt', 'deleted'],
  [
    ['kind', 'status', 'createdAt'],
    ['kind', 'status', 'category', 'createdAt'],
    ['kind', 'status', 'dueAt'],
    ['requesterId', 'createdAt'],
    ['itemId', 'status'],
    ['deleted', 'updatedAt'],
  ],
);

export const ordersSchema = schema('orders', { status: keyField(24), customerId: keyField(64) }, ['status', 'customerId'], [['status', 'createdAt'], ['customerId', 'createdAt']]);

export const invoicesSchema = schema('invoices', { number: keyField(32), status: keyField(16), customerId: keyField(64) }, ['number', 'status', 'customerId'], ['number', ['customerId', 'createdAt'], ['status', 'createdAt']]);

export const shipmentsSchema = schema('shipments', { status: keyField(24), orderId: keyField(64) }, ['status', 'orderId'], [['status', 'createdAt'], 'orderId']);

export const eventsSchema = schema(
  'events',
  { type: keyField(40), subjectId: keyField(64), at: timeField },
  ['type', 'subjectId', 'at'],
  [['subjectId', 'at'], ['type', 'at']],
);

export const auditSchema = schema(
  'audit',
  {
    seq: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    actorId: { type: ['string', 'null'] },
    actorName: { type: 'string' },
    action: keyField(64),
    entity: keyField(32),
    entityId: keyField(64),
    before: {},
    after: {},
    at: timeField,
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
  ['seq', 'actorName', 'action', 'entity', 'entityId', 'at', 'prevHash', 'hash'],
  [['deviceId', 'seq'], ['entityId', 'at'], 'at'],
);

export const collections = {
  accounts: accountsSchema,
  people: peopleSchema,
  catalog: catalogSchema,
  sites: sitesSchema,
  passes: passesSchema,
  visits: visitsSchema,
  requests: requestsSchema,
  orders: ordersSchema,
  invoices: invoicesSchema,
  shipments: shipmentsSchema,
  events: eventsSchema,
  audit: auditSchema,
} as const;

export type CollectionName = keyof typeof collections;

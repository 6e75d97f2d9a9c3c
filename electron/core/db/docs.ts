import type { RxCollection, RxDatabase } from 'rxdb';
import type { RoleName } from '../../../shared/contract/define';

export interface BaseDoc {
  id: string;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  deviceId: string;
}

export interface AccountDoc extends BaseDoc {
  username: string;
  usernameKey: string;
  displayName: string;
  role: RoleName;
  status: 'active' | 'disabled';
  passwordHash?: string;
  pinHash?: string;
  personId: string | null;
}

export type PersonStatus = 'active' | 'inactive' | 'deleted';

export interface PersonDoc extends BaseDoc {
  name: string;
  nameKey: string;
  altNameKey: string;
  soundKey: string;
  email: string;
  emailKey: string;
  phone: string;
  address: string;
  active: boolean;
  blocked: boolean;
  /** Why the person is on the block list ('' when not blocked). */
  blockedReason?: string;
  status: PersonStatus;
  deletedAt: number | null;
  mergedInto: string | null;
}

export interface AuditDoc extends BaseDoc {
  seq: number;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: number;
  prevHash: string;
  hash: string;
}

/** Collections not yet given a typed document by their module. */
export type LooseDoc = BaseDoc & Record<string, unknown>;

export interface FrontdeskCollections {
  accounts: RxCollection<AccountDoc>;
  people: RxCollection<PersonDoc>;
  catalog: RxCollection<LooseDoc>;
  sites: RxCollection<LooseDoc>;
  passes: RxCollection<LooseDoc>;
  visits: RxCollection<LooseDoc>;
  requests: RxCollection<LooseDoc>;
  orders: RxCollection<LooseDoc>;
  invoices: RxCollection<LooseDoc>;
  shipments: RxCollection<LooseDoc>;
  events: RxCollection<LooseDoc>;
  audit: RxCollection<AuditDoc>;
}

export type FrontdeskDatabase = RxDatabase<FrontdeskCollections>;

import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock';
import type { AuditDoc, FrontdeskDatabase } from '../db/docs';

export interface Actor {
  id: string | null;
  name: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys and no undefined: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type HashedFields = Pick<AuditDoc, 'seq' | 'deviceId' | 'actorId' | 'actorName' | 'action' | 'entity' | 'entityId' | 'before' | 'after' | 'at' | 'prevHash'>;

export function entryHash(e: HashedFields): string {
  const { seq, deviceId, actorId, actorName, action, entity, entityId, before, after, at, prevHash } = e;
  return createHash('sha256')
    .update(canonicalJson({ seq, deviceId, actorId, actorName, action, entity, entityId, before, after, at, prevHash }))
    .digest('hex');
}

/**
 * The tamper-evident audit log: one hash chain per device (entry n carries the hash of
 * entry n-1), so entries synced from other stations never interleave a chain.
 * Appends are serialised so two concurrent calls cannot both claim the same link.
 */
export class AuditLog {
  private tail: Promise<{ seq: number; hash: string }> | null = null;

  constructor(
    private db: FrontdeskDatabase,
    private deviceId: string,
    private clock: Clock,
  ) {}

  private async loadTail(): Promise<{ seq: number; hash: string }> {
    const last = await this.db.audit.findOne({ selector: { deviceId: this.deviceId }, sort: [{ deviceId: 'desc' }, { seq: 'desc' }] }).exec();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  append(actor: Actor, action: string, entity: string, entityId: string, before: unknown, after: unknown): Promise<AuditDoc> {
    const previous = this.tail ?? this.loadTail();
    const written = previous.then(async (prev) => {
      const at = this.clock.now();
      const fields: HashedFields = {
        seq: prev.seq + 1,
        deviceId: this.deviceId,
        actorId: actor.id,
        actorName: actor.name,
        action,
        entity,
        entityId,
        before: before ?? null,
        after: after ?? null,
        at,
        prevHash: prev.hash,
      };
      const doc: AuditDoc = { id: uuidv7(), createdAt: at, updatedAt: at, createdBy: actor.id ?? 'system', ...fields, hash: entryHash(fields) };
      await this.db.audit.insert(doc);
      return doc;
    });
    // A failed write leaves the chain where it was: the next append reloads the tail.
    this.tail = written.then(
      (d) => ({ seq: d.seq, hash: d.hash }),
      () => this.loadTail(),
    );
    return written;
  }

  /** Walks every device's chain in seq order, in pages, and reports the first broken link. */
  async verify(): Promise<{ ok: boolean; checked: number; devices: number; broken: { deviceId: string; seq: number; entryId: string; reason: string } | null }> {
    let checked = 0;
    let devices = 0;
    let device: string | null = null;
    const PAGE = 2000;
    for (;;) {
      const next: AuditDoc | null = await this.db.audit
        .findOne({ selector: device === null ? {} : { deviceId: { $gt: device } }, sort: [{ deviceId: 'asc' }, { seq: 'asc' }] })
        .exec()
        .then((d) => (d ? (d.toJSON() as AuditDoc) : null));
      if (!next) break;
      device = next.deviceId;
      devices++;
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      for (;;) {
        const page = await this.db.audit
          .find({ selector: { deviceId: device, seq: { $gte: expectedSeq } }, sort: [{ deviceId: 'asc' }, { seq: 'asc' }], limit: PAGE })
          .exec();
        if (page.length === 0) break;
        for (const doc of page) {
          const e = doc.toJSON() as AuditDoc;
          const reason =
            e.seq !== expectedSeq
              ? `entry ${expectedSeq} is missing`
              : e.prevHash !== prevHash
                ? 'does not link to the entry before it'
                : entryHash(e) !== e.hash
                  ? 'content does not match its hash'
                  : null;
          if (reason) return { ok: false, checked, devices, broken: { deviceId: device, seq: e.seq, entryId: e.id, reason } };
          prevHash = e.hash;
          expectedSeq++;
          checked++;
        }
        if (page.length < PAGE) break;
      }
    }
    return { ok: true, checked, devices, broken: null };
  }
}

import type { AuditEntry } from '../../../shared/contract/entities';
import type { Handlers, Services, TopicHandlers } from '../context';
import type { AuditDoc } from '../db/docs';

const toEntry = (d: AuditDoc): AuditEntry => ({
  id: d.id,
  seq: d.seq,
  deviceId: d.deviceId,
  actorId: d.actorId ?? null,
  actorName: d.actorName,
  action: d.action,
  entity: d.entity,
  entityId: d.entityId,
  before: d.before ?? null,
  after: d.after ?? null,
  at: d.at,
  prevHash: d.prevHash,
  hash: d.hash,
});

export function auditHandlers(s: Services): Pick<Handlers, 'audit.verify'> {
  return {
    async 'audit.verify'() {
      return s.audit.verify();
    },
  };
}

export function auditTopicHandlers(s: Services): Pick<TopicHandlers, 'audit.list'> {
  return {
    'audit.list': {
      collections: ['audit'],
      async run(_ctx, { entityId, limit }) {
        const docs = entityId
          ? await s.db.audit.find({ selector: { entityId }, sort: [{ entityId: 'desc' }, { at: 'desc' }, { id: 'desc' }], limit }).exec()
          : await s.db.audit.find({ selector: {}, sort: [{ at: 'desc' }, { id: 'desc' }], limit }).exec();
        return docs.map((d) => toEntry(d.toJSON() as AuditDoc));
      },
    },
  };
}

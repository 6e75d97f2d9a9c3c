import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from '../../electron/core/audit/audit-log';
import type { CallContext } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/database';
import type { AuditEntry } from '../../shared/contract';
import { ADMIN, TestCore, signIn, staffWindow } from '../helpers/core';

describe('tamper evidence', () => {
  const entry: Parameters<typeof entryHash>[0] = {
    seq: 7,
    deviceId: 'device-1',
    actorId: 'acc-1',
    actorName: 'Sam Staff',
    action: 'person.update',
    entity: 'person',
    entityId: 'p-1',
    before: { name: 'Ana', tags: ['a', 'b'] },
    after: { name: 'Ana María', tags: ['a', 'b'] },
    at: 1_700_000_000_000,
    prevHash: GENESIS_HASH,
  };

  it('canonicalJson ignores key order and undefined values but keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: { d: [2, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('entryHash is stable under key order and changes when any hashed field changes', () => {
    const hash = entryHash(entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry;
    expect(entryHash(reordered)).toBe(hash);
    const altered: Partial<typeof entry>[] = [
      { seq: 8 },
      { deviceId: 'device-2' },
      { actorId: null },
      { actorName: 'Mallory' },
      { action: 'person.create' },
      { entity: 'account' },
      { entityId: 'p-2' },
      { before: { name: 'Ana', tags: ['b', 'a'] } },
      { after: { name: 'Ana Maria', tags: ['a', 'b'] } },
      { at: entry.at + 1 },
      { prevHash: '1'.repeat(64) },
    ];
    for (const change of altered) expect(entryHash({ ...entry, ...change }), JSON.stringify(change)).not.toBe(hash);
  });

  describe('through the store', () => {
    let fresh: TestCore;
    let desk: CallContext;
    let entries: AuditEntry[];

    beforeAll(async () => {
      fresh = await TestCore.create();
      desk = staffWindow();
      await fresh.ok(desk, 'setup.createFirstAdmin', { ...ADMIN });
      const p = await fresh.ok(desk, 'people.create', { name: 'Chain Uno', email: '', phone: '' });
      await fresh.ok(desk, 'people.update', { id: p.id, name: 'Chain Dos' });
      await fresh.ok(desk, 'people.deactivate', { id: p.id });
      entries = (await fresh.read(desk, 'audit.list', { limit: 100 })).sort((a, b) => a.seq - b.seq);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(await fresh.ok(desk, 'audit.verify', {})).toMatchObject({ ok: true, checked: 4 });
    });
    afterAll(() => fresh.dispose());

    /** Edits the stored audit entry of a seq with the core closed, then verifies with a new core. */
    async function tamper(seq: number, edit: (doc: { incrementalPatch(p: object): Promise<unknown>; remove(): Promise<unknown> }) => Promise<unknown>) {
      await fresh.withCoreClosed(async (dir) => {
        const db = await openDatabase(dir);
        try {
          const doc = await db.audit.findOne({ selector: { seq } }).exec();
          if (!doc) throw new Error(`no audit entry ${seq}`);
          await edit(doc);
        } finally {
          await db.close();
        }
      });
      // Reopening ended the session: sign in again (that appends after the tampered entry).
      desk = await signIn(fresh, ADMIN);
      return fresh.ok(desk, 'audit.verify', {});
    }

    it('an edited entry no longer matches its hash', async () => {
      const r = await tamper(3, (doc) => doc.incrementalPatch({ after: { ...(entries[2].after as object), name: 'Someone Else' } }));
      expect(r).toMatchObject({ ok: false, broken: { seq: 3, entryId: entries[2].id, reason: 'content does not match its hash' } });
    });

    it('an entry re-hashed after editing breaks the link to the next one', async () => {
      const e = entries[2];
      const forged = { ...e, after: { ...(e.after as object), name: 'Someone Else' } };
      const r = await tamper(3, (doc) => doc.incrementalPatch({ after: forged.after, hash: entryHash(forged) }));
      expect(r).toMatchObject({ ok: false, broken: { seq: 4, reason: 'does not link to the entry before it' } });
    });

    it('a removed entry shows as missing', async () => {
      const r = await tamper(2, (doc) => doc.remove());
      expect(r).toMatchObject({ ok: false, broken: { seq: 3, reason: 'entry 2 is missing' } });
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RxJsonSchema } from 'rxdb';

export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `frontdesk-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** mulberry32: tiny, fast and good enough to drive test generators reproducibly. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromEnv(name: string): number {
  const fromEnv = process.env[name];
  const seed = fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isFinite(seed)) {
    throw new Error(`${name} must be a number, got ${fromEnv}`);
  }
  return seed;
}

export interface PersonDoc {
  id: string;
  name: string;
  age: number;
  score: number;
  active: boolean;
  address: { city: string; zip: string };
  nickname?: string;
  tags: string[];
}

export function personSchema(version = 0): RxJsonSchema<PersonDoc> {
  return {
    version,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 24 },
      name: { type: 'string', maxLength: 24 },
      age: { type: 'integer', minimum: 0, maximum: 120, multipleOf: 1 },
      score: { type: 'number', minimum: -1000, maximum: 1000, multipleOf: 0.5 },
      active: { type: 'boolean' },
      address: {
        type: 'object',
        properties: {
          city: { type: 'string', maxLength: 20 },
          zip: { type: 'string', maxLength: 10 },
        },
        required: ['city', 'zip'],
      },
      nickname: { type: 'string', maxLength: 20 },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['id', 'name', 'age', 'score', 'active', 'address', 'tags'],
    indexes: ['name', ['age', 'name'], 'address.city', 'score', ['active', 'score', 'age']],
  };
}

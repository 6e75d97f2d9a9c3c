/**
 * People at scale: 100,000 people in one station's store, then the latency of what the desk
 * does all day — opening the station, the people list, searches, duplicate checks, stats — through
 * the real core (contract checks included). Prints a table and writes bench/results/people.json.
 *
 *   npx tsx bench/people.ts          (BENCH_PEOPLE=n to change the number of people)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../electron/core/core';
import type { CallContext } from '../electron/core/context';
import { openDatabase } from '../electron/core/db/database';
import { silentLogger } from '../electron/core/log';
import { newPersonDoc } from '../electron/core/people/people-handlers';
import type { Envelope } from '../shared/errors';

const here = path.dirname(fileURLToPath(import.meta.url));
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const SAMPLES = 200;
const FIRST = ['Ana', 'Bruno', 'Carmen', 'Diego', 'Elena', 'Fátima', 'Gabriel', 'Hugo', 'Irene', 'Javier', 'Lucía', 'Mateo', 'Nora', 'Óscar', 'Paula', 'Chen', 'Amara', 'Olivier', 'Zoë', 'Yusuf'];
const LAST = ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Díaz', 'Okafor', 'Dubois', 'Smith', 'Nakamura', 'Novak', 'Rossi', 'Haddad', 'Kowalski', 'Silva', 'Jensen', 'Müller', 'Wang'];

let seed = 42;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: Math.round(at(50) * 1000) / 1000, p99: Math.round(at(99) * 1000) / 1000 };
}

async function fill(dir: string): Promise<void> {
  const db = await openDatabase(dir);
  const now = Date.now();
  for (let start = 0; start < PEOPLE; start += 2000) {
    const batch = [];
    for (let i = start; i < Math.min(PEOPLE, start + 2000); i++) {
      const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
      const base = { id: uuidv7(), createdAt: now - Math.floor(rand() * 400 * 86_400_000), updatedAt: now, createdBy: 'bench', deviceId: 'bench' };
      batch.push(newPersonDoc(base, { name, email: `person${i}@example.com`, phone: `+3461${String(i).padStart(7, '0')}`, address: '' }));
    }
    await db.people.bulkInsert(batch);
  }
  await db.close();
}

async function time(core: Core, ctx: CallContext, method: string, input: () => unknown): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    const r = await core.call(ctx, method, input());
    samples.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  }
  return percentiles(samples);
}

/** A topic's first result, timed like a screen opening it. */
async function timeTopic(core: Core, ctx: CallContext, topic: string, params: () => unknown): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const stop = core.watch(ctx, topic, params(), (r: Envelope<unknown>) => {
        stop();
        if (r.ok) resolve();
        else reject(new Error(`${topic}: ${JSON.stringify(r.error)}`));
      });
    });
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-bench-people-'));
try {
  const t0 = performance.now();
  await fill(dir);
  const fillMs = performance.now() - t0;

  const openSamples: number[] = [];
  let core: Core | null = null;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    core = await createCore({ dataDir: dir, log: silentLogger() });
    openSamples.push(performance.now() - t);
    if (i < 4) await core.close();
  }
  const desk = { windowId: 'bench', surface: 'staff' as const };
  const admin = { username: 'bench', displayName: 'Bench Admin', password: 'bench password 1', pin: '1234' };
  await core!.call(desk, 'setup.createFirstAdmin', admin);

  const results: Record<string, { p50: number; p99: number }> = {
    'open station (createCore)': percentiles(openSamples),
    'people.list first 200 by name': await timeTopic(core!, desk, 'people.list', () => ({ search: '', status: 'active', limit: 200 })),
    'people.list search surname': await timeTopic(core!, desk, 'people.list', () => ({ search: pick(LAST).slice(0, 4), status: 'active', limit: 200 })),
    'people.list search email': await timeTopic(core!, desk, 'people.list', () => ({ search: `person${Math.floor(rand() * PEOPLE)}@`, status: 'all', limit: 200 })),
    'people.list search phone': await timeTopic(core!, desk, 'people.list', () => ({ search: `+3461${String(Math.floor(rand() * PEOPLE)).padStart(7, '0').slice(0, 5)}`, status: 'active', limit: 200 })),
    'people.stats': await timeTopic(core!, desk, 'people.stats', () => ({})),
    'people.findDuplicates': await time(core!, desk, 'people.findDuplicates', () => ({ name: `${pick(FIRST)} ${pick(LAST)}`, email: `person${Math.floor(rand() * PEOPLE)}@example.com`, phone: '' })),
    'people.create (with audit)': await time(core!, desk, 'people.create', () => ({ name: `${pick(FIRST)} ${pick(LAST)}`, email: '', phone: '' })),
  };
  await core!.close();

  console.log(`people at scale: ${PEOPLE} people (filled in ${Math.round(fillMs)} ms), ${SAMPLES} samples each (ms)`);
  console.table(results);
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', 'people.json'), `${JSON.stringify({ people: PEOPLE, samples: SAMPLES, results }, null, 2)}\n`);
  console.log('wrote bench/results/people.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

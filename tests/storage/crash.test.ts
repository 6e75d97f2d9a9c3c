/**
 * Crash test: a child process writes through RxDB and acknowledges each batch on stdout; we
 * SIGKILL it at random moments. After every kill the file must pass PRAGMA integrity_check and
 * hold every acknowledged write. Replay with STORAGE_CRASH_SEED=<seed>.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { databaseFilePath, getRxStorageSQLite } from '../../electron/core/storage/index';
import { crashSchema, type CrashDoc } from './crash-schema';
import { createRng, makeTempDir, seedFromEnv } from './helpers';

const KILLS = 24;
const SEED = seedFromEnv('STORAGE_CRASH_SEED');
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
// `node --import tsx` keeps the writer in a single process. The tsx CLI would fork a grandchild
// that survives a SIGKILL aimed at the CLI and keeps writing.
const tsxLoader = path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs');
const writer = path.join(here, 'crash-writer.ts');

interface RunResult {
  acked: { run: number; batch: number }[];
  sawReady: boolean;
}

function runAndKill(directory: string, run: number, killAfterMs: number, killBeforeReady: boolean): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(tsxLoader).href, writer, directory, String(run)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const result: RunResult = { acked: [], sawReady: false };
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const guard = setTimeout(kill, 20_000);
    if (killBeforeReady) {
      timer = setTimeout(kill, killAfterMs);
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line === 'READY') {
          result.sawReady = true;
          if (!killBeforeReady) timer = setTimeout(kill, killAfterMs);
        } else if (line.startsWith('ACK ')) {
          const [, r, b] = line.split(' ');
          result.acked.push({ run: Number(r), batch: Number(b) });
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer exited on its own (code ${code}, signal ${signal}): ${stderr}`));
        return;
      }
      resolve(result);
    });
  });
}

describe(`crash safety under SIGKILL (seed ${SEED})`, () => {
  const tmp = makeTempDir('crash');
  afterAll(() => tmp.cleanup());

  it(`keeps every acknowledged write across ${KILLS} SIGKILLs`, async () => {
    console.log(`[crash] seed=${SEED} (replay with STORAGE_CRASH_SEED=${SEED})`);
    const rand = createRng(SEED);
    const file = databaseFilePath(tmp.dir, 'crash');
    const schema = fillWithDefaultSettings(crashSchema) as RxJsonSchema<RxDocumentData<CrashDoc>>;
    const acked: { run: number; batch: number }[] = [];
    let lastCounter: { run: number; batch: number } | undefined;
    let killsWithAcks = 0;

    for (let run = 0; run < KILLS; run++) {
      // Mostly kill mid-write; sometimes during start-up (open, WAL recovery, collection creation).
      const beforeReady = rand() < 0.15;
      const delay = beforeReady ? 100 + Math.floor(rand() * 900) : Math.floor(rand() * 400);
      const result = await runAndKill(tmp.dir, run, delay, beforeReady);
      acked.push(...result.acked);
      if (result.acked.length > 0) {
        killsWithAcks++;
        lastCounter = result.acked[result.acked.length - 1];
      }
      if (!result.sawReady && run === 0) {
        continue; // killed before the file existed
      }

      const raw = new Database(file);
      expect(raw.pragma('integrity_check', { simple: true }), `integrity after run ${run}`).toBe('ok');
      raw.close();

      const instance = await getRxStorageSQLite({ directory: tmp.dir }).createStorageInstance<CrashDoc>({
        databaseInstanceToken: randomToken(10),
        databaseName: 'crash',
        collectionName: 'docs',
        schema,
        options: {},
        multiInstance: false,
        devMode: false,
      });
      try {
        const ids = acked.flatMap(({ run: r, batch }) => Array.from({ length: 20 }, (_, i) => `${r}-${batch}-${i}`));
        const found = await instance.findDocumentsById(ids, false);
        expect(found.length, `acknowledged docs present after run ${run}`).toBe(ids.length);
        if (lastCounter) {
          const [counter] = await instance.findDocumentsById(['counter'], false);
          // The counter may be one batch ahead (written, killed before the ACK line); never behind.
          expect(counter.run * 100000 + counter.batch, `counter after run ${run}`).toBeGreaterThanOrEqual(lastCounter.run * 100000 + lastCounter.batch);
        }
        const all = await instance.count(prepareQuery(schema, normalizeMangoQuery<RxDocumentData<CrashDoc>>(schema, { selector: { _deleted: { $eq: false } } })));
        expect(all.count).toBeGreaterThanOrEqual(ids.length);
      } finally {
        await instance.close();
      }
    }
    console.log(`[crash] ${KILLS} kills, ${killsWithAcks} with acknowledged writes, ${acked.length} batches acknowledged`);
    expect(killsWithAcks).toBeGreaterThanOrEqual(KILLS / 2);
  }, 120_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import type { Envelope } from '../../../shared/errors';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Host {
  dataDir: string;
  staffUrl: string;
  kioskUrl: string;
  origin: { staff: string; kiosk: string };
  stop(): Promise<void>;
  advanceClock(ms: number): Promise<void>;
}

export const newDataDir = () => mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));

/** Starts `npm run start:web`'s program on a free port pair with its own data folder. */
export async function startHost(dataDir = newDataDir()): Promise<Host> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000) * 2;
    const child = spawn(TSX, ['electron/web-host/start.ts', '--data-dir', dataDir, '--port', String(port)], {
      cwd: ROOT,
      env: { ...process.env, FRONTDESK_TEST_HOOKS: '1', FRONTDESK_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = await new Promise<boolean>((resolveStarted) => {
      let out = '';
      const timer = setTimeout(() => resolveStarted(false), 30_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('kiosk:')) {
          clearTimeout(timer);
          resolveStarted(true);
        }
      });
      child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
      child.once('exit', () => {
        clearTimeout(timer);
        resolveStarted(false);
      });
    });
    if (!started) {
      child.kill('SIGKILL');
      continue;
    }
    const staff = `http://127.0.0.1:${port}`;
    const kiosk = `http://127.0.0.1:${port + 1}`;
    return {
      dataDir,
      staffUrl: `${staff}/staff`,
      kioskUrl: `${kiosk}/kiosk`,
      origin: { staff, kiosk },
      stop: () => stopChild(child),
      async advanceClock(ms) {
        const r = await fetch(`${staff}/__test/advance-clock?ms=${ms}`, { method: 'POST' });
        if (r.status !== 204) throw new Error(`advance-clock answered ${r.status}`);
      },
    };
  }
  throw new Error('could not start the web host');
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A contract client for setting the stage (accounts, records) quickly; the behaviour under
 * test is then driven through the screen.
 */
export async function contractSession(origin: string): Promise<{ call<T = unknown>(method: string, input?: unknown): Promise<T>; close(): void }> {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { origin });
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  let next = 1;
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw)) as { t: string; id: number; envelope: Envelope<unknown> };
    if (msg.t === 'result') pending.get(msg.id)?.(msg.envelope);
  });
  return {
    call<T>(method: string, input: unknown = {}) {
      const id = next++;
      return new Promise<T>((ok, fail) => {
        pending.set(id, (e) => (e.ok ? ok(e.value as T) : fail(new Error(`${method}: ${e.error.code} ${e.error.message} ${JSON.stringify(e.error.fields ?? {})}`))));
        ws.send(JSON.stringify({ t: 'call', id, method, input }));
      });
    },
    close: () => ws.close(),
  };
}

export const ADMIN = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery', pin: '2468' };

/** First admin plus the accounts a test names, made through the contract. */
export async function seedAccounts(host: Host, extra: { username: string; displayName: string; role: 'staff' | 'manager' | 'admin'; password: string; pin: string }[] = []): Promise<void> {
  const c = await contractSession(host.origin.staff);
  await c.call('setup.createFirstAdmin', ADMIN);
  for (const a of extra) await c.call('accounts.create', a);
  c.close();
}

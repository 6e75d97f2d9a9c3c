import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core';
import { createLogger } from '../core/log';
import { defaultDataDir } from '../core/paths';
import { startWebHost } from './host';

/**
 * `npm run start:web`: the same core and renderer as the desktop app, in a browser.
 * Options: --data-dir DIR, --port N (staff; kiosk is N+1). Env: FRONTDESK_DATA_DIR,
 * FRONTDESK_PORT, FRONTDESK_TEST_HOOKS=1 (tests only: lets a test move the clock).
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = resolve(arg('data-dir') ?? defaultDataDir());
const port = Number(arg('port') ?? process.env.FRONTDESK_PORT ?? 5180);
const log = createLogger();

const core = await createCore({
  dataDir,
  log,
  enableTestHooks: process.env.FRONTDESK_TEST_HOOKS === '1',
  kioskTimeoutMs: process.env.FRONTDESK_KIOSK_TIMEOUT_MS ? Number(process.env.FRONTDESK_KIOSK_TIMEOUT_MS) : undefined,
});
const host = await startWebHost({ core, staticDir: join(root, 'dist-web'), ports: { staff: port, kiosk: port + 1 } });
console.log(`Frontdesk web host — data in ${dataDir}`);
console.log(`  front desk: ${host.urls.staff}`);
console.log(`  kiosk:      ${host.urls.kiosk}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

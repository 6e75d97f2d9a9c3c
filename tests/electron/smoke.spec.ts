import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The real desktop app, where the Electron binary exists. On machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD the `electron` package has no binary and throws when required:
 * then this file reports skipped, with the reason.
 */
const root = resolve(import.meta.dirname, '..', '..');

function findElectron(): { path: string } | { reason: string } {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: `the electron package points to ${String(path)}, which does not exist` };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

const electron = findElectron();
test.skip('reason' in electron, `Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): ${'reason' in electron ? electron.reason : ''}`);

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(() => {
  // Always the app of this checkout, not an old out/ left by another branch.
  if (process.env.FRONTDESK_SKIP_ELECTRON_BUILD !== '1') {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  }
});

async function launch(extraArgs: string[] = [], station?: object): Promise<{ app: ElectronApplication; page: Page; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-electron-'));
  if (station) writeFileSync(join(dataDir, 'station.json'), JSON.stringify(station));
  const app = await _electron.launch({
    executablePath: 'path' in electron ? electron.path : undefined,
    args: [join(root, 'out', 'main', 'index.js'), '--data-dir', dataDir, ...extraArgs],
    cwd: root,
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    cleanup: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const callStation = (page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as unknown as { frontdesk: { call(m: string, i: unknown): Promise<unknown> } }).frontdesk.call(m, i), [method, input] as const);

test('the front desk opens on a fresh station with only the bridge exposed', async () => {
  const { page, cleanup } = await launch();
  try {
    await expect(page).toHaveTitle(/Frontdesk/);
    expect(page.url()).toMatch(/^app:\/\/frontdesk\/staff/);
    // The page gets call and watch, and nothing of Node.
    const exposed = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { frontdesk: object }).frontdesk).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ bridge: ['call', 'watch'], require: 'undefined', process: 'undefined' });
    // The window's surface comes from main; a fresh data folder needs its first admin.
    const info = await callStation(page, 'system.info', {});
    expect(info).toMatchObject({ ok: true, value: { surface: 'staff', needsFirstAdmin: true } });
    // Strict CSP: no eval in the page.
    const evalResult = await page.evaluate(() => {
      try {
        return String(new Function('return 1')());
      } catch {
        return 'blocked';
      }
    });
    expect(evalResult).toBe('blocked');
  } finally {
    await cleanup();
  }
});

test('a kiosk station is a kiosk window whatever its page asks', async () => {
  const { page, cleanup } = await launch([], { surface: 'kiosk' });
  try {
    await expect(page).toHaveTitle(/Frontdesk/);
    expect(await callStation(page, 'system.info', {})).toMatchObject({ ok: true, value: { surface: 'kiosk' } });
    // A staff-only method is refused for the kiosk window, even though the page asked directly.
    const staffCall = await callStation(page, 'setup.createFirstAdmin', { username: 'mallory', displayName: 'M', password: 'long-enough-pass', pin: '1234' });
    expect(staffCall).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The kiosk never navigates away from the app.
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/frontdesk\/kiosk/);
  } finally {
    await cleanup();
  }
});

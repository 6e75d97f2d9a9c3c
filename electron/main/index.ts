import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type Input,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { SURFACES, type Surface } from '../../shared/contract/define';
import type { Envelope, ErrorBody } from '../../shared/errors';
import type { CallContext } from '../core/context';
import { createCore, type Core } from '../core/core';
import { createLogger } from '../core/log';

/**
 * The thin Electron adapter: windows, kiosk lock-down and IPC. Everything that matters is in
 * electron/core; this file only decides which surface a window is and carries its calls.
 *
 * Options: --data-dir DIR (or FRONTDESK_DATA_DIR), --kiosk (or FRONTDESK_KIOSK=1, or
 * `{ "surface": "kiosk" }` in DIR/station.json), FRONTDESK_KIOSK_TIMEOUT_MS.
 */

const APP_SCHEME = 'app';
const APP_HOST = 'frontdesk';
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const log = createLogger();

// ---------------------------------------------------------------------------------------------
// Where the data lives and which surface this station shows: decided here, before any page runs.

function argValue(name: string): string | undefined {
  const argv = process.argv;
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) {
    const value = argv[i + 1];
    return value && !value.startsWith('--') ? value : undefined;
  }
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const explicitDataDir = argValue('data-dir') ?? process.env.FRONTDESK_DATA_DIR;
// Electron names userData after package.json ("frontdesk"); the web host and the docs use
// "Frontdesk" (electron/core/paths.ts). A custom folder also becomes userData, so Chromium's
// own files and the single-instance lock are per station folder, not per machine.
app.setName('Frontdesk');
app.setPath('userData', resolve(explicitDataDir ?? join(app.getPath('appData'), 'Frontdesk')));
const dataDir = app.getPath('userData');

const StationFile = z.object({ surface: z.enum(SURFACES).optional() });

function stationSurface(): Surface {
  if (process.argv.includes('--kiosk') || process.env.FRONTDESK_KIOSK === '1') return 'kiosk';
  const file = join(dataDir, 'station.json');
  if (!existsSync(file)) return 'staff';
  try {
    const parsed = StationFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data.surface ?? 'staff';
    log.warn({ file }, 'station.json is not valid; opening the front desk');
  } catch {
    log.warn({ file }, 'station.json could not be read; opening the front desk');
  }
  return 'staff';
}

const stationSurfaceKind = stationSurface();
const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
const appBaseUrl = isDev ? new URL(process.env.ELECTRON_RENDERER_URL as string) : new URL(`${APP_SCHEME}://${APP_HOST}/`);
const rendererDir = resolve(import.meta.dirname, '..', 'renderer');
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs');

/** Scheme + host (Node's URL gives "null" as the origin of non-special schemes like app:). */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}
const appOrigin = originOf(appBaseUrl.href) as string;
const isAppUrl = (url: string | undefined): boolean => originOf(url) === appOrigin;

// Before `ready`: the app's own scheme behaves like https (origin, storage, fetch, history routes).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Frontdesk runs on this data folder; it gets focus (see 'second-instance').
  app.quit();
} else {
  main();
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  /** The one source of a window's surface, keyed by webContents id. Never the page's word. */
  const surfaces = new Map<number, Surface>();
  const watchesByWindow = new Map<number, Map<number, () => void>>();
  let core: Core | null = null;
  let corePromise: Promise<Core> | null = null;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';

  const fail = (code: ErrorBody['code'], message: string): Envelope<never> => ({ ok: false, error: { code, message } });

  /** The caller of an IPC message: a window we opened, from its top frame, showing our pages. */
  function contextOf(event: IpcMainEvent | IpcMainInvokeEvent): CallContext | null {
    const surface = surfaces.get(event.sender.id);
    const frame = event.senderFrame;
    if (!surface || !frame || frame.parent !== null || !isAppUrl(frame.url)) return null;
    return { windowId: String(event.sender.id), surface };
  }

  /** The page in a window went away (closed, reloaded, navigated, crashed): end its session and watches. */
  function releasePage(webContentsId: number): void {
    const watches = watchesByWindow.get(webContentsId);
    watchesByWindow.delete(webContentsId);
    for (const stop of watches?.values() ?? []) stop();
    if (core && shutdown === 'running') core.closeWindow(String(webContentsId));
  }

  function registerIpc(c: Core): void {
    ipcMain.handle('fd:call', async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
      const ctx = contextOf(event);
      if (!ctx) return fail('FORBIDDEN', 'This window may not call the station.');
      if (typeof method !== 'string') return fail('NOT_FOUND', 'Unknown method.');
      return c.call(ctx, method, input);
    });

    ipcMain.on('fd:watch', (event, id: unknown, topic: unknown, params: unknown) => {
      const ctx = contextOf(event);
      if (!ctx || typeof id !== 'number' || !Number.isSafeInteger(id) || typeof topic !== 'string') return;
      const sender = event.sender;
      const watches = watchesByWindow.get(sender.id) ?? new Map<number, () => void>();
      watchesByWindow.set(sender.id, watches);
      watches.get(id)?.();
      const stop = c.watch(ctx, topic, params, (envelope) => {
        if (!sender.isDestroyed()) sender.send('fd:watch-result', id, envelope);
      });
      watches.set(id, stop);
    });

    ipcMain.on('fd:unwatch', (event, id: unknown) => {
      if (typeof id !== 'number') return;
      const watches = watchesByWindow.get(event.sender.id);
      watches?.get(id)?.();
      watches?.delete(id);
    });
  }

  // --- the app's pages: app://frontdesk/… from the built renderer, any route falls back to index.html

  const MIME: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.map': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.webp': 'image/webp',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf',
    '.txt': 'text/plain; charset=utf-8',
  };

  const isFile = (path: string): Promise<boolean> => stat(path).then((s) => s.isFile(), () => false);

  async function serveApp(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const candidate = normalize(join(rendererDir, pathname));
    const inside = candidate.startsWith(rendererDir + sep);
    let file = join(rendererDir, 'index.html');
    if (inside && (await isFile(candidate))) file = candidate;
    // A missing script or image is a 404, not the page: a route (no known extension) gets index.html.
    else if (MIME[extname(pathname)] && extname(pathname) !== '.html') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return new Response('The renderer is not built. Run "npm run build" first.', { status: 500 });
    }
  }

  // --- one policy for every page and webContents

  function openOutside(contents: WebContents, url: string): void {
    // A kiosk never leaves the app: a browser opened from the lobby screen is a way out.
    if (surfaces.get(contents.id) !== 'staff') return;
    const protocolName = originOf(url)?.split(':')[0];
    if (protocolName === 'http' || protocolName === 'https') void shell.openExternal(url);
  }

  function installPolicies(): void {
    const ses = session.defaultSession;
    // Custom protocols skip webRequest's header events, so serveApp sets the CSP itself; this
    // covers the pages of the dev server (ELECTRON_RENDERER_URL).
    ses.webRequest.onHeadersReceived((details, callback) => {
      if (!isAppUrl(details.url) || (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame')) {
        callback({});
        return;
      }
      const responseHeaders: Record<string, string[]> = {};
      for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
        if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
      }
      responseHeaders['Content-Security-Policy'] = [CSP];
      callback({ responseHeaders });
    });

    // Only the kiosk's camera (QR codes), only for our pages, never the microphone.
    ses.setPermissionRequestHandler((contents, permission, callback, details) => {
      const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      callback(
        permission === 'media' &&
          surfaces.get(contents.id) === 'kiosk' &&
          isAppUrl(details.requestingUrl) &&
          mediaTypes.length > 0 &&
          mediaTypes.every((t) => t === 'video'),
      );
    });
    ses.setPermissionCheckHandler(
      (contents, permission, requestingOrigin, details) =>
        permission === 'media' &&
        contents !== null &&
        surfaces.get(contents.id) === 'kiosk' &&
        originOf(requestingOrigin) === appOrigin &&
        details.mediaType !== 'audio',
    );
    ses.setDevicePermissionHandler(() => false);

    app.on('web-contents-created', (_event, contents) => {
      contents.on('will-navigate', (event) => {
        if (isAppUrl(event.url)) return;
        event.preventDefault();
        openOutside(contents, event.url);
      });
      contents.on('will-redirect', (event) => {
        if (!isAppUrl(event.url)) event.preventDefault();
      });
      contents.on('will-attach-webview', (event) => event.preventDefault());
      contents.setWindowOpenHandler(({ url }) => {
        openOutside(contents, url);
        return { action: 'deny' };
      });
    });
  }

  // --- windows

  /** Kiosk keys that would leave, reload, inspect or resize the app. Typing stays untouched. */
  function isKioskEscapeKey(input: Input): boolean {
    if (input.type !== 'keyDown') return false;
    const key = input.key.toLowerCase();
    const mod = input.control || input.meta;
    if (key === 'f5' || key === 'f11' || key === 'f12') return true;
    if (input.alt && key === 'f4') return true;
    if (mod && input.shift && ['i', 'j', 'c', 'r', 'delete'].includes(key)) return true;
    if (mod && ['w', 'q', 'r', 'n', 't', 'p', 's', 'o', 'u', 'm', 'h', '+', '-', '=', '0'].includes(key)) return true;
    if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true;
    return false;
  }

  function openWindow(surface: Surface): BrowserWindow {
    const kiosk = surface === 'kiosk';
    const win = new BrowserWindow({
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'Frontdesk',
      backgroundColor: '#ffffff',
      autoHideMenuBar: kiosk,
      kiosk,
      fullscreen: kiosk,
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: !kiosk && !app.isPackaged,
      },
    });
    const contents = win.webContents;
    const id = contents.id;
    surfaces.set(id, surface);

    if (kiosk) {
      win.setMenu(null);
      win.setMenuBarVisibility(false);
      void contents.setVisualZoomLevelLimits(1, 1);
      contents.on('before-input-event', (event, input) => {
        if (isKioskEscapeKey(input)) event.preventDefault();
      });
      // Alt+F4, the window manager's close button, a stray "close": the kiosk stays. Quitting
      // the app (signal, admin, shutdown) still goes through 'before-quit'.
      win.on('close', (event) => {
        if (shutdown === 'running') event.preventDefault();
      });
    }

    // A new document in this window is a new page: whatever the last one had open ends.
    contents.on('did-navigate', () => releasePage(id));
    contents.on('render-process-gone', (_event, details) => {
      log.error({ reason: details.reason, surface }, 'window renderer gone');
      releasePage(id);
      if (kiosk && shutdown === 'running' && !win.isDestroyed()) win.reload();
    });
    contents.once('destroyed', () => {
      releasePage(id);
      surfaces.delete(id);
    });

    win.once('ready-to-show', () => win.show());
    const start = new URL(`/${surface}`, appBaseUrl).href;
    void win.loadURL(start).catch((err: unknown) => log.error({ error: err instanceof Error ? err.message : String(err) }, 'window failed to load'));
    return win;
  }

  function applicationMenu(surface: Surface): Menu | null {
    if (surface === 'kiosk') return null;
    const devItems: MenuItemConstructorOptions[] = app.isPackaged
      ? []
      : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
    const template: MenuItemConstructorOptions[] = [
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
      },
      { role: 'windowMenu' },
    ];
    return Menu.buildFromTemplate(template);
  }

  // --- life cycle

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());

  app.on('activate', () => {
    if (core && shutdown === 'running' && BrowserWindow.getAllWindows().length === 0) openWindow(stationSurfaceKind);
  });

  // The database must be closed before the process ends: hold the quit until the core is done.
  app.on('before-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    void (async () => {
      for (const win of BrowserWindow.getAllWindows()) {
        releasePage(win.webContents.id);
        win.destroy();
      }
      try {
        await (await corePromise)?.close();
      } catch (err) {
        log.error({ error: err instanceof Error ? err.name : typeof err }, 'core did not close cleanly');
      }
      shutdown = 'closed';
      app.quit();
    })();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  void app
    .whenReady()
    .then(async () => {
      protocol.handle(APP_SCHEME, serveApp);
      installPolicies();
      const timeout = process.env.FRONTDESK_KIOSK_TIMEOUT_MS;
      corePromise = createCore({ dataDir, log, kioskTimeoutMs: timeout ? Number(timeout) : undefined });
      core = await corePromise;
      if (shutdown !== 'running') return;
      registerIpc(core);
      Menu.setApplicationMenu(applicationMenu(stationSurfaceKind));
      log.info({ surface: stationSurfaceKind, dev: isDev }, 'Frontdesk started');
      openWindow(stationSurfaceKind);
    })
    .catch((err: unknown) => {
      log.error({ error: err instanceof Error ? err.name : typeof err }, 'Frontdesk could not start');
      dialog.showErrorBox('Frontdesk could not start', `The station's data folder could not be opened:\n${dataDir}\n\n${err instanceof Error ? err.message : String(err)}`);
      app.exit(1);
    });
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a station keeps its data when no folder is given: the same place Electron's
 * app.getPath('userData') points to, so the desktop app and the web host share it.
 */
export function defaultDataDir(appName = 'Frontdesk'): string {
  if (process.env.FRONTDESK_DATA_DIR) return process.env.FRONTDESK_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}

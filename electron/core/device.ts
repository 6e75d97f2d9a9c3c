import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';

export interface DeviceIdentity {
  deviceId: string;
}

/**
 * The station's identity, made once per data folder. It names this device in every
 * document and audit chain, so it must survive restarts; written atomically.
 */
export function loadOrCreateDevice(dataDir: string): DeviceIdentity {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'device.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeviceIdentity>;
    if (typeof parsed.deviceId === 'string' && parsed.deviceId.length > 0) return { deviceId: parsed.deviceId };
    throw new Error(`${file} is damaged: it has no deviceId`);
  }
  const identity: DeviceIdentity = { deviceId: uuidv7() };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(identity, null, 2), { flush: true });
  renameSync(tmp, file);
  return identity;
}

import type { Envelope } from './errors';

/**
 * What the preload (Electron) or the web bridge (browser) puts on `window.frontdesk`.
 * Untyped on purpose: the typed client in the renderer wraps it with the contract's types.
 */
export interface FrontdeskBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  watch(topic: string, params: unknown, onResult: (result: Envelope<unknown>) => void): () => void;
}

/** Messages of the web host's WebSocket; the Electron IPC carries the same shapes. */
export type ClientMessage =
  | { t: 'call'; id: number; method: string; input: unknown }
  | { t: 'watch'; id: number; topic: string; params: unknown }
  | { t: 'unwatch'; id: number };

export type ServerMessage =
  | { t: 'result'; id: number; envelope: Envelope<unknown> }
  | { t: 'watch-result'; id: number; envelope: Envelope<unknown> };

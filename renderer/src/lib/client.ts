import { useEffect, useState } from 'react';
import type { FrontdeskBridge } from '../../../shared/bridge';
import type { MethodInput, MethodName, MethodOutput, TopicName, TopicParams, TopicResult } from '../../../shared/contract';
import type { Envelope, ErrorBody } from '../../../shared/errors';
import { i18n } from '../i18n';
import { translateEnvelopeError } from '../i18n/messages';
import { createWebSocketBridge } from './web-bridge';

declare global {
  interface Window {
    frontdesk?: FrontdeskBridge;
  }
}

/** Electron's preload provides the bridge; in a browser the web host's WebSocket does. */
const bridge: FrontdeskBridge = window.frontdesk ?? createWebSocketBridge();

/**
 * The core (and the bridges) speak English; messages are put in the screen's language here, where
 * they enter the renderer, so every screen shows them translated (renderer/src/i18n/messages.ts).
 */
function localized<T>(result: Envelope<T>): Envelope<T> {
  return result.ok ? result : { ok: false, error: translateEnvelopeError(result.error, i18n.language || 'en') };
}

const unauthenticatedListeners = new Set<() => void>();
/** Called when the core says the session is gone or locked (timeouts run in the core too). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Typed call of a contract method. Never throws: the envelope says how it went. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>> {
  const result = (await bridge.call(method, input)) as Envelope<MethodOutput<M>>;
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !method.startsWith('auth.') && !method.startsWith('setup.')) {
    for (const l of unauthenticatedListeners) l();
  }
  return localized(result);
}

export function watch<T extends TopicName>(topic: T, params: TopicParams<T>, onResult: (r: Envelope<TopicResult<T>>) => void): () => void {
  return bridge.watch(topic, params, (r) => onResult(localized(r) as Envelope<TopicResult<T>>));
}

export interface WatchState<T> {
  data: T | undefined;
  error: ErrorBody | undefined;
}

/** Live data: re-subscribes when the params change; the core pushes new results. */
export function useWatch<T extends TopicName>(topic: T, params: TopicParams<T>, enabled = true): WatchState<TopicResult<T>> {
  const [state, setState] = useState<WatchState<TopicResult<T>>>({ data: undefined, error: undefined });
  const key = JSON.stringify(params);
  useEffect(() => {
    if (!enabled) return;
    return watch(topic, JSON.parse(key) as TopicParams<T>, (r) =>
      setState(r.ok ? { data: r.value, error: undefined } : (s) => ({ data: s.data, error: r.error })),
    );
  }, [topic, key, enabled]);
  return state;
}

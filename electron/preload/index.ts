import { contextBridge, ipcRenderer } from 'electron';
import type { FrontdeskBridge } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';

/**
 * The page's only door to the station: `window.frontdesk.call` and `.watch`, nothing else.
 * The page never names an IPC channel; these three are fixed here (main checks who sends).
 * The surface is not sent: main knows it from the window.
 */
const CALL = 'fd:call';
const WATCH = 'fd:watch';
const UNWATCH = 'fd:unwatch';
const WATCH_RESULT = 'fd:watch-result';

const notSent = (): Envelope<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'The request could not be sent to the station. Please try again.' },
});

let nextWatchId = 1;
const watchers = new Map<number, (result: Envelope<unknown>) => void>();

ipcRenderer.on(WATCH_RESULT, (_event, id: unknown, envelope: unknown) => {
  if (typeof id !== 'number') return;
  watchers.get(id)?.(envelope as Envelope<unknown>);
});

const bridge: FrontdeskBridge = {
  async call(method, input) {
    try {
      return (await ipcRenderer.invoke(CALL, method, input)) as Envelope<unknown>;
    } catch {
      // Input that cannot be cloned, or main refused the message: answer like the contract does.
      return notSent();
    }
  },
  watch(topic, params, onResult) {
    const id = nextWatchId++;
    watchers.set(id, onResult);
    try {
      ipcRenderer.send(WATCH, id, topic, params);
    } catch {
      watchers.delete(id);
      queueMicrotask(() => onResult(notSent()));
      return () => undefined;
    }
    return () => {
      if (!watchers.delete(id)) return;
      ipcRenderer.send(UNWATCH, id);
    };
  },
};

contextBridge.exposeInMainWorld('frontdesk', bridge);

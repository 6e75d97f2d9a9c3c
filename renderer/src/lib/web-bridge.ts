import type { ClientMessage, FrontdeskBridge, ServerMessage } from '../../../shared/bridge';
import type { Envelope } from '../../../shared/errors';

/**
 * The browser's stand-in for Electron's preload: the same bridge over the web host's
 * WebSocket. Reconnects after the host restarts and re-opens every live watch.
 */
export function createWebSocketBridge(url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`): FrontdeskBridge {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, { msg: ClientMessage; resolve: (e: Envelope<unknown>) => void }>();
  const watches = new Map<number, { msg: ClientMessage; onResult: (e: Envelope<unknown>) => void }>();
  const queue: ClientMessage[] = [];

  const send = (msg: ClientMessage) => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
    else queue.push(msg);
  };

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const w of watches.values()) ws.send(JSON.stringify(w.msg));
      for (const m of queue.splice(0)) ws.send(JSON.stringify(m));
    };
    ws.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as ServerMessage;
      if (msg.t === 'result') {
        pending.get(msg.id)?.resolve(msg.envelope);
        pending.delete(msg.id);
      } else if (msg.t === 'watch-result') {
        watches.get(msg.id)?.onResult(msg.envelope);
      }
    };
    ws.onclose = () => {
      socket = null;
      // Calls in flight on a dropped connection have no answer coming: say so instead of hanging.
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Lost the connection to the station. Please try again.' } });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 4000);
    };
  }
  connect();

  return {
    call(method, input) {
      const id = nextId++;
      const msg: ClientMessage = { t: 'call', id, method, input };
      return new Promise((resolve) => {
        pending.set(id, { msg, resolve });
        send(msg);
      });
    },
    watch(topic, params, onResult) {
      const id = nextId++;
      const msg: ClientMessage = { t: 'watch', id, topic, params };
      watches.set(id, { msg, onResult });
      send(msg);
      return () => {
        watches.delete(id);
        send({ t: 'unwatch', id });
      };
    },
  };
}

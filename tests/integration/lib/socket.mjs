// Socket.IO clients for the integration tests: the stock socket.io-client from npm, WebSocket transport only.
import { after } from 'node:test';
import { io } from 'socket.io-client';
import WebSocket from 'ws';

const EVENT_TIMEOUT_MS = 5_000;

/// Connects with `auth` and resolves once the server accepted the CONNECT; rejects with the connect_error.
export function connectSocket(hub, auth, options = {}) {
  const socket = io(hub.url, { transports: ['websocket'], reconnection: false, auth, forceNew: true, ...options });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/// For a test suite: `open(auth)` connects like connectSocket, and every socket it opened is closed when the
/// suite ends. Call it in the suite's body (it registers an after hook there).
export function socketOpener(hub) {
  const sockets = [];
  after(() => {
    for (const socket of sockets) socket.close();
  });
  return async (auth) => {
    const socket = await connectSocket(hub, auth);
    sockets.push(socket);
    return socket;
  };
}

/// The next `event` the socket receives for which `match(payload)` holds.
export function nextEvent(socket, event, match = () => true, timeoutMs = EVENT_TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    function listener(payload) {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    }
    socket.on(event, listener);
  });
}

/// Collects every `event` the socket receives from now on; `stop()` returns them.
export function record(socket, event) {
  const seen = [];
  const listener = (payload) => seen.push(payload);
  socket.on(event, listener);
  return () => {
    socket.off(event, listener);
    return seen;
  };
}

/// Emits with an acknowledgement and resolves with the server's answer.
export function request(socket, event, payload, timeoutMs = EVENT_TIMEOUT_MS) {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

/// A raw WebSocket to the endpoint, resolving with the first text message (the Engine.IO open packet).
export function rawSocket(hub, path = '/socket.io/?EIO=4&transport=websocket') {
  const ws = new WebSocket(hub.url.replace('http', 'ws') + path);
  const messages = [];
  const waiters = [];
  ws.on('message', (data) => {
    const text = data.toString();
    const waiter = waiters.shift();
    if (waiter) waiter(text);
    else messages.push(text);
  });
  const closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const next = () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => waiters.push(r)));
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, next, closed }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

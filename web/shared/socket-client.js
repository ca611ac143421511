// A small Socket.IO v4 client (Engine.IO 4, WebSocket transport only) for the widget and the portal.
//
// It speaks just what the hub's /socket.io/ endpoint offers: the main namespace, text packets, events with and
// without acknowledgements. It reconnects by itself with jittered exponential backoff; catching up on what was
// missed while disconnected is the caller's job (in its 'connect' handler when `reconnected` is true).

import { retryWhileBusy } from './busy-retry.js';

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;
const DEFAULT_ACK_TIMEOUT_MS = 10_000;

// Engine.IO packet types (the first character of each WebSocket message).
const ENGINE_OPEN = '0';
const ENGINE_CLOSE = '1';
const ENGINE_PING = '2';
const ENGINE_PONG = '3';
const ENGINE_MESSAGE = '4';

// Socket.IO packet types (the character after ENGINE_MESSAGE).
const IO_CONNECT = '0';
const IO_DISCONNECT = '1';
const IO_EVENT = '2';
const IO_ACK = '3';
const IO_CONNECT_ERROR = '4';

/// Reserved names that report the connection's state rather than server events.
const LIFECYCLE_EVENTS = new Set(['connect', 'disconnect', 'connect_error']);

function socketUrl(baseUrl) {
  const url = new URL('/socket.io/', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '?EIO=4&transport=websocket';
  return url.toString();
}

/// "<digits>[...]" → { id, rest }: the optional ack id that precedes an event's or ack's JSON array.
function splitAckId(text) {
  const digits = /^\d*/.exec(text)[0];
  return { id: digits === '' ? null : Number(digits), rest: text.slice(digits.length) };
}

export class SocketClient {
  /// url: the hub's base URL; auth: a function returning the CONNECT payload, called at every (re)connect.
  constructor({ url, auth }) {
    this._url = socketUrl(url);
    this._auth = auth;
    this._handlers = new Map();
    this._pendingAcks = new Map();
    this._nextAckId = 0;
    this._ws = null;
    this._connected = false;
    this._everConnected = false;
    this._closed = true;
    this._retries = 0;
    this._retryTimer = null;
    this._pingDeadline = null;
  }

  get connected() {
    return this._connected;
  }

  /// Subscribes to a server event or to 'connect' / 'disconnect' / 'connect_error'; returns the unsubscriber.
  on(event, handler) {
    if (!this._handlers.has(event)) this._handlers.set(event, new Set());
    this._handlers.get(event).add(handler);
    return () => this._handlers.get(event)?.delete(handler);
  }

  connect() {
    if (!this._closed) return;
    this._closed = false;
    this._open();
  }

  /// Disconnects for good: no reconnect; pending requests are rejected.
  close() {
    this._closed = true;
    clearTimeout(this._retryTimer);
    const ws = this._ws;
    this._ws = null;
    ws?.close(1000);
    this._dropConnection('client closed');
  }

  /// Sends an event without waiting for an answer; false when not connected (nothing is queued).
  emit(event, data) {
    if (!this._connected) return false;
    this._send(ENGINE_MESSAGE + IO_EVENT + JSON.stringify([event, data]));
    return true;
  }

  /// Sends an event and resolves with the server's acknowledgement (which may be an {error} object). A `busy`
  /// answer is asked again a few times, after short waits, before it is returned.
  request(event, data, { timeoutMs = DEFAULT_ACK_TIMEOUT_MS } = {}) {
    return retryWhileBusy(() => this._requestOnce(event, data, timeoutMs),
      (answer) => (answer?.error?.code === 'busy' ? 0 : null));
  }

  _requestOnce(event, data, timeoutMs) {
    if (!this._connected) return Promise.reject(new Error('not connected'));
    const id = this._nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._pendingAcks.delete(id);
        reject(new Error(`no answer to ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      this._pendingAcks.set(id, { resolve, reject, timer });
      this._send(ENGINE_MESSAGE + IO_EVENT + id + JSON.stringify([event, data]));
    });
  }

  _dispatch(event, ...args) {
    for (const handler of [...(this._handlers.get(event) ?? [])]) {
      try {
        handler(...args);
      } catch (error) {
        console.error(`handler for ${event} failed`, error);
      }
    }
  }

  _send(text) {
    if (this._ws && this._ws.readyState === WebSocket.OPEN) this._ws.send(text);
  }

  _open() {
    const ws = new WebSocket(this._url);
    this._ws = ws;
    ws.onmessage = (message) => {
      if (this._ws === ws && typeof message.data === 'string') this._receive(message.data);
    };
    ws.onclose = () => {
      if (this._ws !== ws) return;
      this._ws = null;
      this._dropConnection('transport close');
      this._scheduleReconnect();
    };
  }

  _receive(text) {
    const type = text[0];
    const body = text.slice(1);
    if (type === ENGINE_OPEN) {
      const { pingInterval, pingTimeout } = JSON.parse(body);
      this._pingWindowMs = pingInterval + pingTimeout;
      this._expectPing();
      this._send(ENGINE_MESSAGE + IO_CONNECT + JSON.stringify(this._auth ? this._auth() : {}));
    } else if (type === ENGINE_PING) {
      this._expectPing();
      this._send(ENGINE_PONG);
    } else if (type === ENGINE_CLOSE) {
      this._ws?.close();
    } else if (type === ENGINE_MESSAGE) {
      this._receivePacket(body);
    }
  }

  _receivePacket(text) {
    const type = text[0];
    const body = text.slice(1);
    if (type === IO_CONNECT) {
      const reconnected = this._everConnected;
      this._connected = true;
      this._everConnected = true;
      this._retries = 0;
      this._dispatch('connect', { reconnected, sid: JSON.parse(body || '{}').sid });
    } else if (type === IO_CONNECT_ERROR) {
      const message = JSON.parse(body || '{}').message ?? 'connection refused';
      this._dispatch('connect_error', message);
      this._ws?.close();
    } else if (type === IO_EVENT) {
      const { rest } = splitAckId(body);
      const [event, ...args] = JSON.parse(rest);
      if (!LIFECYCLE_EVENTS.has(event)) this._dispatch(event, ...args);
    } else if (type === IO_ACK) {
      const { id, rest } = splitAckId(body);
      const pending = this._pendingAcks.get(id);
      if (!pending) return;
      this._pendingAcks.delete(id);
      clearTimeout(pending.timer);
      pending.resolve(JSON.parse(rest)[0]);
    } else if (type === IO_DISCONNECT) {
      this._ws?.close();
    }
  }

  /// The server pings every pingInterval; silence past pingInterval + pingTimeout means the link is dead.
  _expectPing() {
    clearTimeout(this._pingDeadline);
    this._pingDeadline = setTimeout(() => this._ws?.close(), this._pingWindowMs);
  }

  _dropConnection(reason) {
    clearTimeout(this._pingDeadline);
    for (const { reject, timer } of this._pendingAcks.values()) {
      clearTimeout(timer);
      reject(new Error(`disconnected: ${reason}`));
    }
    this._pendingAcks.clear();
    if (!this._connected) return;
    this._connected = false;
    this._dispatch('disconnect', reason);
  }

  _scheduleReconnect() {
    if (this._closed) return;
    const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this._retries);
    this._retries += 1;
    // Between half and all of the ceiling, so that many clients dropped together do not return together.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this._retryTimer = setTimeout(() => {
      if (!this._closed) this._open();
    }, delay);
  }
}

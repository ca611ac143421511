// The visitor's live link to the hub: presence (online, heartbeat, offline on page hide), sending with an ack,
// typing, live messages, and catch-up after every (re)connect so that nothing sent meanwhile is missed.
import { SocketClient } from '../shared/socket-client.js';

const SEND_TIMEOUT_MS = 10_000;

export class SendError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export class ChatConnection {
  /// heldThrough(): the newest seq such that every earlier one is held; heartbeatMs: the hub's presence.heartbeat_s;
  /// handlers: onMessages(messages), onAgentTyping(payload), onResolved(), onLinkChange(connected).
  constructor({ hubUrl, token, conversationId, heldThrough, heartbeatMs, handlers }) {
    this.heartbeatMs = heartbeatMs;
    this.conversationId = conversationId;
    this.heldThrough = heldThrough;
    this.handlers = handlers;
    this.waiters = new Set();
    this.socket = new SocketClient({ url: hubUrl, auth: () => ({ visitor_token: token, conversation_id: conversationId }) });
    this.socket.on('connect', () => this._onConnect());
    this.socket.on('disconnect', () => {
      clearInterval(this.heartbeat);
      if (!this.stopped) handlers.onLinkChange(false);
    });
    this.socket.on('message:new', (message) => {
      if (message.conversation_id !== conversationId) return;
      handlers.onMessages([message]);
      // A seq beyond the next one means something was missed: fetch the gap.
      if (message.seq > this.heldThrough() + 1) this.catchUp();
    });
    this.socket.on('agent:typing', (typing) => {
      if (typing.conversation_id === conversationId) handlers.onAgentTyping(typing);
    });
    this.socket.on('conversation:resolved', (event) => {
      if (event.conversation_id === conversationId) handlers.onResolved();
    });
    this._onPageHide = () => {
      clearInterval(this.heartbeat);
      this.socket.emit('widget:offline');
    };
    this._onPageShow = (event) => {
      if (event.persisted && this.socket.connected) this._announceOnline();
    };
  }

  start() {
    addEventListener('pagehide', this._onPageHide);
    addEventListener('pageshow', this._onPageShow);
    this.socket.connect();
  }

  /// For good, when the widget moves to another conversation (the visitor stays online meanwhile).
  stop() {
    this.stopped = true;
    removeEventListener('pagehide', this._onPageHide);
    removeEventListener('pageshow', this._onPageShow);
    clearInterval(this.heartbeat);
    this.socket.close();
  }

  get connected() {
    return this.socket.connected;
  }

  /// Sends a visitor message; resolves with the stored Message, rejects with a SendError.
  async send(text, clientMsgId) {
    await this._whenConnected(SEND_TIMEOUT_MS);
    let ack;
    try {
      ack = await this.socket.request('visitor:send_message',
        { conversation_id: this.conversationId, text, client_msg_id: clientMsgId }, { timeoutMs: SEND_TIMEOUT_MS });
    } catch {
      throw new SendError('no connection', 'network_error');
    }
    if (ack?.error) throw new SendError(ack.error.message, ack.error.code);
    return ack;
  }

  typing(isTyping) {
    this.socket.emit('visitor:typing', { is_typing: isTyping });
  }

  /// Fetches everything after the last contiguous seq held; safe to call at any time, runs once at a time.
  async catchUp() {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.syncAgain = false;
        let page;
        do {
          page = await this.socket.request('visitor:sync', { after_seq: this.heldThrough() });
          if (!page || page.error) return;
          this.handlers.onMessages(page.messages);
        } while (page.has_more && page.messages.length > 0);
      } while (this.syncAgain);
    } catch {
      // dropped mid-way: the next connect catches up again
    } finally {
      this.syncing = false;
    }
  }

  _onConnect() {
    this._announceOnline();
    this.handlers.onLinkChange(true);
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    // On the first connect too: whatever arrived between loading the history and joining the room.
    this.catchUp();
  }

  _announceOnline() {
    this.socket.emit('widget:online');
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.socket.emit('widget:heartbeat'), this.heartbeatMs);
  }

  _whenConnected(timeoutMs) {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new SendError('no connection', 'network_error'));
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.add(wake);
    });
  }
}

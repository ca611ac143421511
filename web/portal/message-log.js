// A conversation's messages: the newest page first, older pages when the agent scrolls up, live messages, the
// agent's own replies shown at once and confirmed by the hub, and catch-up after a reconnect. Messages are
// keyed by seq (the hub numbers them without gaps) and replies by client_msg_id, so nothing shows twice.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { clockTime, dayLabel, fullTime } from './format.js';

const PAGE_SIZE = 30;
const NEAR_TOP_PX = 80;
const NEAR_BOTTOM_PX = 120;

export class MessageLog {
  constructor(conversationId) {
    this._conversationId = conversationId;
    this._bySeq = new Map();
    this._pending = new Map(); // client_msg_id → { text, failed, retry }
    this.hasOlder = false;
    this._loadingOlder = false;
    this.olderButton = h('button', { type: 'button', class: 'button ghost small', onclick: () => this.loadOlder() },
      'Load earlier messages');
    this.top = h('div', { class: 'log-top' });
    this.items = h('div', { class: 'log-items' });
    this.element = h('div', { class: 'message-log', role: 'log', 'aria-label': 'Messages', 'aria-live': 'polite',
      tabindex: '0', onscroll: () => this._onScroll() }, this.top, this.items);
  }

  get lastSeq() {
    return this._bySeq.size ? Math.max(...this._bySeq.keys()) : 0;
  }

  get firstSeq() {
    return this._bySeq.size ? Math.min(...this._bySeq.keys()) : 0;
  }

  async loadLatest() {
    replaceChildren(this.top, h('p', { class: 'muted center' }, 'Loading messages…'));
    const page = await api.messages(this._conversationId, { limit: PAGE_SIZE });
    for (const message of page.messages) this._bySeq.set(message.seq, message);
    this.hasOlder = page.has_more;
    this._render('bottom');
  }

  async loadOlder() {
    if (!this.hasOlder || this._loadingOlder) return;
    this._loadingOlder = true;
    this.olderButton.disabled = true;
    this.olderButton.textContent = 'Loading…';
    try {
      const page = await api.messages(this._conversationId, { before_seq: this.firstSeq, limit: PAGE_SIZE });
      for (const message of page.messages) this._bySeq.set(message.seq, message);
      this.hasOlder = page.has_more;
      this._render('keep-bottom-distance');
    } finally {
      this._loadingOlder = false;
      this.olderButton.disabled = false;
      this.olderButton.textContent = 'Load earlier messages';
    }
  }

  /// A stored message (live, synced or acknowledged). Returns false when it was already shown.
  add(message) {
    if (message.conversation_id !== this._conversationId) return false;
    const known = this._bySeq.has(message.seq);
    this._bySeq.set(message.seq, message);
    if (message.client_msg_id) this._pending.delete(message.client_msg_id);
    this._render(this._nearBottom() ? 'bottom' : 'keep-top');
    return !known;
  }

  addPending(clientMsgId, text) {
    this._pending.set(clientMsgId, { text, failed: false, retry: null });
    this._render('bottom');
  }

  fail(clientMsgId, reason, retry) {
    const pending = this._pending.get(clientMsgId);
    if (!pending) return;
    Object.assign(pending, { failed: true, reason, retry });
    this._render('keep-top');
  }

  _nearBottom() {
    const log = this.element;
    return log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
  }

  _onScroll() {
    if (this.element.scrollTop < NEAR_TOP_PX) this.loadOlder();
  }

  _render(scroll) {
    const log = this.element;
    const fromBottom = log.scrollHeight - log.scrollTop;
    const fromTop = log.scrollTop;

    replaceChildren(this.top, this.hasOlder ? this.olderButton
      : this._bySeq.size ? h('p', { class: 'log-start' }, 'Start of the conversation') : null);
    const nodes = [];
    let lastDay = null;
    const messages = [...this._bySeq.values()].sort((a, b) => a.seq - b.seq);
    messages.forEach((message, index) => {
      const day = dayLabel(message.created_at);
      if (day !== lastDay) nodes.push(h('div', { class: 'day-separator', role: 'separator' }, h('span', {}, day)));
      lastDay = day;
      const node = messageNode(message);
      if (continuesRun(message, messages[index + 1])) node.classList.add('is-grouped');
      nodes.push(node);
    });
    for (const [clientMsgId, pending] of this._pending) nodes.push(pendingNode(clientMsgId, pending));
    if (nodes.length === 0) nodes.push(h('p', { class: 'muted center log-empty' }, 'No messages yet.'));
    replaceChildren(this.items, nodes);

    if (scroll === 'bottom') log.scrollTop = log.scrollHeight;
    else if (scroll === 'keep-bottom-distance') log.scrollTop = log.scrollHeight - fromBottom;
    else log.scrollTop = fromTop;
  }
}

const RUN_GAP_MS = 5 * 60_000;

/// Whether `next` comes from the same sender soon after: then `message` shows no name and time of its own.
function continuesRun(message, next) {
  return Boolean(next) && next.sender_type === message.sender_type && next.sender_id === message.sender_id
    && new Date(next.created_at) - new Date(message.created_at) < RUN_GAP_MS && dayLabel(next.created_at) === dayLabel(message.created_at);
}

const SENDER_CLASS = { visitor: 'from-visitor', agent: 'from-agent', bot: 'from-bot', system: 'from-system' };

function messageNode(message) {
  if (message.sender_type === 'system') {
    return h('div', { class: 'message from-system', dataset: { seq: message.seq } }, h('span', {}, message.text));
  }
  const sender = message.sender_name || (message.sender_type === 'bot' ? 'Bot' : message.sender_type === 'agent' ? 'Agent' : 'Visitor');
  return h('div', { class: `message ${SENDER_CLASS[message.sender_type] ?? ''}`, dataset: { seq: message.seq } },
    h('div', { class: 'bubble' }, message.text),
    h('div', { class: 'message-meta' },
      h('span', {}, sender),
      h('time', { datetime: message.created_at, title: fullTime(message.created_at) }, clockTime(message.created_at)),
      message.sender_type === 'agent' && message.read_by_visitor_at ? h('span', { class: 'read-mark' }, 'Seen') : null));
}

function pendingNode(clientMsgId, pending) {
  return h('div', { class: `message from-agent ${pending.failed ? 'is-failed' : 'is-pending'}`, dataset: { clientMsgId } },
    h('div', { class: 'bubble' }, pending.text),
    h('div', { class: 'message-meta' },
      pending.failed
        ? [h('span', { class: 'error-text' }, `Not sent: ${pending.reason}`),
          pending.retry ? h('button', { type: 'button', class: 'link-button', onclick: pending.retry }, 'Retry') : null]
        : h('span', {}, 'Sending…')));
}

// A conversation's messages: the newest page first, older pages when the agent scrolls up, live messages, the
// agent's own replies shown at once and confirmed by the hub, the delivery status of those that go to the visitor
// through an external channel, and catch-up after a reconnect. Messages are keyed by seq (the hub numbers them
// without gaps) and replies by client_msg_id, so nothing shows twice.
import { api } from './api.js';
import { DeliveryStatuses, deliveryNode } from './delivery-status.js';
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
    this._deliveries = new DeliveryStatuses();
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
    const page = await this._fetchPage({ limit: PAGE_SIZE });
    this.hasOlder = page.has_more;
    this._render('bottom');
  }

  /// After a reconnect: the newest page again, for the delivery statuses and read marks that moved meanwhile.
  async refreshLatest() {
    await this._fetchPage({ limit: PAGE_SIZE });
    this._render(this._nearBottom() ? 'bottom' : 'keep-top');
  }

  async _fetchPage(params) {
    const page = await api.messages(this._conversationId, params);
    for (const message of page.messages) this._keep(message);
    return page;
  }

  /// Stores a message with the latest delivery status known for it.
  _keep(message) {
    this._bySeq.set(message.seq, this._deliveries.apply(message));
  }

  async loadOlder() {
    if (!this.hasOlder || this._loadingOlder) return;
    this._loadingOlder = true;
    this.olderButton.disabled = true;
    this.olderButton.textContent = 'Loading…';
    try {
      const page = await this._fetchPage({ before_seq: this.firstSeq, limit: PAGE_SIZE });
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
    this._keep(message);
    if (message.client_msg_id) this._pending.delete(message.client_msg_id);
    this._render(this._nearBottom() ? 'bottom' : 'keep-top');
    return !known;
  }

  /// A message's delivery status moved (message:status); the message may not have arrived yet.
  setDelivery(messageId, delivery) {
    const latest = this._deliveries.record(messageId, delivery);
    const message = [...this._bySeq.values()].find((known) => known.id === messageId);
    if (!message || message.delivery === latest) return;
    this._bySeq.set(message.seq, { ...message, delivery: latest });
    this._render('keep-top');
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
  return h('div', { class: `message ${SENDER_CLASS[message.sender_type] ?? ''}${message.delivery ? ' has-delivery' : ''}`,
    dataset: { seq: message.seq } },
    h('div', { class: 'bubble' }, message.text),
    h('div', { class: 'message-meta' },
      h('span', {}, sender),
      h('time', { datetime: message.created_at, title: fullTime(message.created_at) }, clockTime(message.created_at)),
      message.sender_type === 'agent' && message.read_by_visitor_at ? h('span', { class: 'read-mark' }, 'Seen') : null,
      message.delivery ? deliveryNode(message.delivery) : null));
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

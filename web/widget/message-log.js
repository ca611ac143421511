// The conversation as the visitor sees it: messages in seq order, each shown once however it arrives (the
// send ack, the live event, a catch-up page or the history), and the visitor's own messages shown at once
// as "sending" until the hub confirms them.
import { h } from './dom.js';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const formatTime = (iso) => (iso ? timeFormat.format(new Date(iso)) : '');

export const isFromTeam = (senderType) => senderType === 'agent' || senderType === 'bot';

const DEFAULT_NAMES = { agent: 'Support', bot: 'Assistant' };

export class MessageLog {
  /// avatarUrl: the widget's agent picture, or '' for initials.
  constructor({ avatarUrl }) {
    this.avatarUrl = avatarUrl;
    this.list = h('div', { class: 'sb-messages' });
    this.entries = new Map(); // message id or "pending:" + client_msg_id → entry
    this.seqs = new Set();
    this.heldThrough = 0; // every seq from 1 to this one is shown
  }

  clear() {
    this.list.replaceChildren();
    this.entries.clear();
    this.seqs.clear();
    this.heldThrough = 0;
  }

  /// Shows the visitor's message before the hub has stored it.
  addPending(clientMsgId, text) {
    const entry = this._render({ sender_type: 'visitor', text, client_msg_id: clientMsgId });
    entry.pending = true;
    this.entries.set(`pending:${clientMsgId}`, entry);
    this.list.append(entry.el);
    this._setMeta(entry, 'Sending…');
    return entry;
  }

  /// Marks a pending message as not sent, with a Retry button.
  markFailed(clientMsgId, reason, onRetry) {
    const entry = this.entries.get(`pending:${clientMsgId}`);
    if (!entry) return;
    entry.el.classList.add('sb-failed');
    const retry = h('button', { type: 'button', class: 'sb-link-button', text: 'Retry' });
    retry.addEventListener('click', () => {
      entry.el.classList.remove('sb-failed');
      this._setMeta(entry, 'Sending…');
      onRetry();
    });
    this._setMeta(entry, `Not sent${reason ? ` (${reason})` : ''}. `, retry);
  }

  /// Adds a stored message unless it is already shown; returns true when it is new to the visitor.
  add(message) {
    if (this.entries.has(message.id) || this.seqs.has(message.seq)) return false;
    const pendingKey = message.client_msg_id && `pending:${message.client_msg_id}`;
    const pending = pendingKey && this.entries.get(pendingKey);
    let entry;
    if (pending) {
      this.entries.delete(pendingKey);
      entry = pending;
      entry.el.classList.remove('sb-failed');
    } else {
      entry = this._render(message);
    }
    entry.pending = false;
    entry.seq = message.seq;
    entry.el.dataset.seq = String(message.seq);
    this._setMeta(entry, formatTime(message.created_at));
    this.entries.set(message.id, entry);
    this.seqs.add(message.seq);
    while (this.seqs.has(this.heldThrough + 1)) this.heldThrough += 1;
    this._place(entry);
    return !pending;
  }

  /// How many messages from the team (agents, bot) came after `seq`.
  countFromTeamAfter(seq) {
    let count = 0;
    for (const entry of this.entries.values()) if (isFromTeam(entry.kind) && entry.seq > seq) count += 1;
    return count;
  }

  /// Stored messages go in seq order, before the ones still being sent.
  _place(entry) {
    const next = [...this.list.children].find((el) => !el.dataset.seq || Number(el.dataset.seq) > entry.seq);
    if (next !== entry.el) this.list.insertBefore(entry.el, next ?? null);
    this._markRun(entry.el);
    if (entry.el.nextElementSibling) this._markRun(entry.el.nextElementSibling);
  }

  /// Consecutive messages of one sender form a run: the name and avatar show on its first message only.
  _markRun(el) {
    const previous = el.previousElementSibling;
    el.classList.toggle('sb-continued', Boolean(previous) && previous.dataset.sender === el.dataset.sender);
  }

  _render(message) {
    const kind = message.sender_type;
    const el = h('div', { class: `sb-message sb-from-${kind}` });
    el.dataset.sender = `${kind}:${message.sender_id ?? ''}`;
    if (kind === 'system') {
      el.append(h('p', { class: 'sb-system-text', text: message.text }));
      return { el, kind, meta: h('span') };
    }
    const meta = h('span', { class: 'sb-meta' });
    const bubble = h('div', { class: 'sb-bubble', text: message.text });
    if (kind === 'visitor') {
      el.append(h('span', { class: 'sb-vh', text: 'You said:' }), bubble, meta);
    } else {
      const name = message.sender_name || DEFAULT_NAMES[kind] || 'Support';
      el.append(this._avatar(name), h('div', { class: 'sb-message-body' },
        h('span', { class: 'sb-sender', text: name }), bubble, meta));
    }
    return { el, kind, meta };
  }

  _avatar(name) {
    if (this.avatarUrl) return h('img', { class: 'sb-avatar', src: this.avatarUrl, alt: '' });
    return h('span', { class: 'sb-avatar', 'aria-hidden': 'true', text: [...name.trim()][0]?.toUpperCase() ?? '?' });
  }

  _setMeta(entry, ...content) {
    entry.meta.replaceChildren(...content);
  }
}

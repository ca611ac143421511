// The reply box: Enter sends (Shift+Enter for a new line), typing is reported to the visitor, "/" opens the
// canned responses. Sending shows the reply at once; the hub's acknowledgement confirms it, and a retry reuses
// its client_msg_id so the hub never stores it twice.
import { api } from './api.js';
import { h, uid } from './dom.js';
import { icon } from './icons.js';
import { CannedAutocomplete } from './canned-autocomplete.js';
import { ask } from './realtime.js';

const TYPING_REFRESH_MS = 2500;
const TYPING_IDLE_MS = 3000;
const MAX_HEIGHT_PX = 180;

export class Composer {
  constructor({ conversation, socket, log, onSent }) {
    this._conversationId = conversation.id;
    this._socket = socket;
    this._log = log;
    this._onSent = onSent;
    this._typingSentAt = 0;
    const inputId = uid('message');
    // Where the reply goes (the widget, or the visitor's channel too), read out with the box.
    this.reach = h('p', { class: 'composer-reach', id: `${inputId}-reach` });
    this.textarea = h('textarea', { id: inputId, rows: '1', placeholder: 'Write a reply…', 'aria-describedby': this.reach.id,
      oninput: () => this._onInput(), onkeydown: (event) => this._onKeyDown(event), onblur: () => this._stopTyping() });
    this.autocomplete = new CannedAutocomplete(this.textarea, conversation.widget_id);
    this.sendButton = h('button', { type: 'submit', class: 'send-button', 'aria-label': 'Send' }, icon('send', 18));
    this.notice = h('p', { class: 'composer-notice', hidden: true });
    this.element = h('form', { class: 'composer', onsubmit: (event) => { event.preventDefault(); this.send(); } },
      this.autocomplete.listbox,
      this.notice,
      this.reach,
      h('div', { class: 'composer-row' },
        h('label', { for: inputId, class: 'visually-hidden' }, 'Message'),
        this.textarea, this.sendButton),
      h('p', { class: 'composer-hint' }, h('kbd', {}, 'Enter'), ' to send · ', h('kbd', {}, 'Shift'), '+', h('kbd', {}, 'Enter'),
        ' for a new line · ', h('kbd', {}, '/'), ' for canned responses'));
    this.setClosed(['resolved', 'closed'].includes(conversation.status));
  }

  /// Resolved and closed conversations take no replies until they are reopened.
  setClosed(closed) {
    this.textarea.disabled = closed;
    this.sendButton.disabled = closed;
    this.notice.hidden = !closed;
    this.notice.textContent = closed ? 'This conversation is resolved. Reopen it to reply.' : '';
  }

  /// "Replying by WhatsApp · +447700900123", "Replying in the widget only".
  setReach(text) {
    this.reach.textContent = text;
  }

  focus() {
    if (!this.textarea.disabled) this.textarea.focus();
  }

  _onInput() {
    this._autosize();
    this.autocomplete.update();
    if (this.textarea.value.trim() === '') return this._stopTyping();
    const now = Date.now();
    if (now - this._typingSentAt > TYPING_REFRESH_MS) {
      this._typingSentAt = now;
      this._socket.emit('agent:typing', { conversation_id: this._conversationId, is_typing: true });
    }
    clearTimeout(this._idleTimer);
    this._idleTimer = setTimeout(() => this._stopTyping(), TYPING_IDLE_MS);
  }

  _stopTyping() {
    clearTimeout(this._idleTimer);
    if (!this._typingSentAt) return;
    this._typingSentAt = 0;
    this._socket.emit('agent:typing', { conversation_id: this._conversationId, is_typing: false });
  }

  _onKeyDown(event) {
    if (event.isComposing) return;
    if (this.autocomplete.handleKey(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.send();
    }
  }

  _autosize() {
    const box = this.textarea;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight, MAX_HEIGHT_PX)}px`;
  }

  send() {
    const text = this.textarea.value;
    if (text.trim() === '' || this.textarea.disabled) return;
    this.textarea.value = '';
    this._autosize();
    this.autocomplete.close();
    this._stopTyping();
    this._deliver(crypto.randomUUID(), text);
  }

  async _deliver(clientMsgId, text) {
    this._log.addPending(clientMsgId, text);
    try {
      const message = this._socket.connected
        ? await ask(this._socket, 'agent:send_message', { conversation_id: this._conversationId, text, client_msg_id: clientMsgId })
        : await api.reply(this._conversationId, text, clientMsgId);
      this._log.add(message);
      this._onSent?.(message);
    } catch (error) {
      this._log.fail(clientMsgId, error.message, () => this._deliver(clientMsgId, text));
    }
  }

  dispose() {
    this._stopTyping();
  }
}

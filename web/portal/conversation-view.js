// The middle pane: one open conversation — its header and controls, the message log, the visitor's typing
// and the reply box. It joins the conversation's room on the socket while open.
import { api } from './api.js';
import { ConversationActions } from './conversation-actions.js';
import { Composer } from './composer.js';
import { h } from './dom.js';
import { capitalise, visitorName } from './format.js';
import { icon } from './icons.js';
import { MessageLog } from './message-log.js';
import { ask } from './realtime.js';
import { session } from './session.js';
import { reachText, VisitorChannelControl } from './visitor-channel.js';

// A visitor's typing indicator is dropped if no update arrives for this long (a lost "stopped" event).
const TYPING_TIMEOUT_MS = 6000;
const READ_DELAY_MS = 400;

export class ConversationView {
  constructor({ conversation, store, agents, socket, onBack, onTogglePanel }) {
    this._id = conversation.id;
    this._store = store;
    this._agents = agents;
    this._socket = socket;
    this.log = new MessageLog(conversation.id);
    this.actions = new ConversationActions({ store, agents });
    this.composer = new Composer({ conversation, socket, log: this.log });
    this.channel = new VisitorChannelControl({ store });
    this.title = h('h2', { class: 'conversation-title', tabindex: '-1' });
    this.statusChip = h('span', { class: 'status-chip' });
    this.viewers = h('p', { class: 'viewers', 'aria-live': 'polite' });
    this.typing = h('p', { class: 'typing-indicator', 'aria-live': 'polite' });

    this.element = h('section', { class: 'pane conversation-pane', 'aria-label': 'Conversation' },
      h('header', { class: 'conversation-header' },
        h('div', { class: 'conversation-heading' },
          h('button', { type: 'button', class: 'icon-button back-button', 'aria-label': 'Back to conversations', onclick: onBack },
            icon('back')),
          h('div', { class: 'conversation-heading-text' }, h('div', { class: 'title-line' }, this.title, this.statusChip), this.viewers),
          h('button', { type: 'button', class: 'icon-button panel-toggle', 'aria-label': 'Visitor details', onclick: onTogglePanel },
            icon('panel'))),
        this.actions.toolbar,
        this.channel.element,
        this.actions.tags),
      this.log.element,
      this.typing,
      this.composer.element);
    this.update(conversation);
  }

  get conversationId() {
    return this._id;
  }

  async open() {
    const joining = this._join();
    await this.log.loadLatest();
    await joining;
    this.markReadSoon();
  }

  async _join() {
    if (!this._socket.connected) return;
    try {
      await ask(this._socket, 'agent:join_conversation', this._id);
    } catch {
      // Without the room only the typing indicator is missing; messages still come through the widget's room.
    }
  }

  /// After a reconnect: back into the room, the newest page again (its delivery statuses may have moved), then
  /// everything after the last seq held.
  async catchUp() {
    await this._join();
    await this.log.refreshLatest();
    let afterSeq = this.log.lastSeq;
    for (let page = 0; page < 20; page += 1) {
      const { messages, has_more: hasMore } = await ask(this._socket, 'agent:sync', { conversation_id: this._id, after_seq: afterSeq });
      for (const message of messages) this.log.add(message);
      if (!hasMore || messages.length === 0) break;
      afterSeq = messages[messages.length - 1].seq;
    }
  }

  update(conversation) {
    this._conversation = conversation;
    this.title.textContent = visitorName(conversation);
    this.statusChip.textContent = capitalise(conversation.status);
    this.statusChip.className = `status-chip status-${conversation.status}`;
    this.actions.render(conversation);
    this.channel.render(conversation);
    this.composer.setReach(reachText(conversation));
    this.composer.setClosed(['resolved', 'closed'].includes(conversation.status));
  }

  onMessage(message) {
    const added = this.log.add(message);
    if (message.sender_type === 'visitor') {
      this._setTyping(false);
      if (added) this.markReadSoon();
    }
  }

  /// Tells the hub the agent has read the visitor's messages, once the page is actually visible.
  markReadSoon() {
    if (document.hidden) return;
    clearTimeout(this._readTimer);
    this._readTimer = setTimeout(() => this._markRead(), READ_DELAY_MS);
  }

  async _markRead() {
    this._readTimer = null;
    try {
      const state = await api.markRead(this._id);
      this._store.patch(this._id, { unread_count: state.unread_count });
    } catch {
      // The badge stays; the next message or opening tries again.
    }
  }

  /// message:status: the delivery of one of the conversation's messages to the visitor's channel moved.
  onMessageStatus(messageId, delivery) {
    this.log.setDelivery(messageId, delivery);
  }

  onVisitorTyping(isTyping) {
    this._setTyping(isTyping);
  }

  _setTyping(isTyping) {
    clearTimeout(this._typingTimer);
    this.typing.textContent = isTyping ? `${visitorName(this._conversation)} is typing…` : '';
    this.typing.classList.toggle('is-active', isTyping);
    if (isTyping) this._typingTimer = setTimeout(() => this._setTyping(false), TYPING_TIMEOUT_MS);
  }

  onViewing(viewers) {
    const others = viewers.filter((viewer) => viewer.agent_id !== session.agent?.id).map((viewer) => this._agents.name(viewer.agent_id));
    this.viewers.textContent = others.length ? `Also viewing: ${others.join(', ')}` : '';
  }

  focus() {
    this.composer.focus();
  }

  dispose() {
    clearTimeout(this._typingTimer);
    // What the agent saw before leaving counts as read.
    if (this._readTimer) {
      clearTimeout(this._readTimer);
      this._markRead();
    }
    this.composer.dispose();
    this._socket.emit('agent:leave_conversation', this._id);
  }
}

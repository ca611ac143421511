// The inbox: the three panes (list | conversation | visitor) and the socket events that keep them live.
import { ConversationList } from './conversation-list.js';
import { ConversationView } from './conversation-view.js';
import { h, replaceChildren } from './dom.js';
import { visitorName } from './format.js';
import { icon } from './icons.js';
import { InboxStore } from './inbox-store.js';
import { session } from './session.js';
import { toast } from './toast.js';
import { VisitorPanel } from './visitor-panel.js';

const CONVERSATION_EVENTS = ['conversation:new', 'conversation:updated', 'conversation:assigned', 'conversation:transferred',
  'conversation:resolved'];

export class Inbox {
  constructor({ socket, agents, presence, notifications }) {
    this._socket = socket;
    this._agents = agents;
    this._presence = presence;
    this._notifications = notifications;
    this.store = new InboxStore();
    this.view = null;
    this.list = new ConversationList(this.store, agents);
    this.centre = h('div', { class: 'centre-slot' });
    this.panel = new VisitorPanel({ store: this.store, onClose: () => this.element.classList.remove('panel-open') });
    this.element = h('div', { class: 'inbox' }, this.list.element, this.centre, this.panel.element);
    this._showEmpty();

    this.store.on('conversation', (conversation) => {
      if (conversation.id !== this.view?.conversationId) return;
      this.view.update(conversation);
      this.panel.render(conversation);
    });
    this._listen();
    document.addEventListener('visibilitychange', () => {
      if (document.hidden || !this.view) return;
      this.view.markReadSoon();
      this._notifications.markConversationRead(this.view.conversationId);
    });
    this.store.load();
  }

  _listen() {
    const socket = this._socket;
    for (const event of CONVERSATION_EVENTS) socket.on(event, ({ conversation }) => conversation && this.store.upsert(conversation));
    socket.on('message:new', (message) => this._onMessage(message));
    socket.on('message:status', ({ conversation_id: id, message_id: messageId, delivery }) => {
      if (id === this.view?.conversationId && delivery) this.view.onMessageStatus(messageId, delivery);
    });
    socket.on('visitor:typing', ({ conversation_id: id, is_typing: isTyping }) => {
      if (id === this.view?.conversationId) this.view.onVisitorTyping(isTyping);
    });
    for (const [event, online] of [['customer:online', true], ['customer:offline', false]]) {
      socket.on(event, ({ conversation_id: id, at }) => this.store.setPresence(id, online, at));
    }
    socket.on('conversation:viewing', ({ conversation_id: id, agents }) => {
      if (id === this.view?.conversationId) this.view.onViewing(agents ?? []);
    });
    socket.on('handover:updated', ({ request }) => request && this.panel.onHandoverUpdated(request));
    socket.on('delivery:status', ({ conversation_id: id }) => this.panel.onDeliveryStatus(id));
    socket.on('notification:new', (notification) => this._notifications.add({
      key: `notification:${notification.id}`,
      conversationId: notification.conversation_id,
      title: notification.title,
      body: notification.body,
      at: notification.created_at,
    }));
    socket.on('connect', ({ reconnected }) => {
      if (!reconnected) return;
      // Whatever changed while the link was down: the list afresh, the open conversation from its last seq.
      this.store.load();
      this.view?.catchUp().catch(() => {});
    });
  }

  /// Is the agent looking at this conversation right now?
  _looking(conversationId) {
    return this.view?.conversationId === conversationId && !document.hidden;
  }

  async _onMessage(message) {
    const id = message.conversation_id;
    const known = this.store.conversations.get(id);
    let conversation;
    if (known) {
      const fromVisitor = message.sender_type === 'visitor';
      conversation = {
        ...known,
        last_message: { text: message.text, sender_type: message.sender_type, created_at: message.created_at },
        last_message_at: message.created_at,
        last_seq: Math.max(known.last_seq ?? 0, message.seq),
        unread_count: fromVisitor && !this._looking(id) && message.seq > (known.last_seq ?? 0)
          ? known.unread_count + 1 : known.unread_count,
      };
      this.store.upsert(conversation);
    } else {
      try {
        conversation = await this.store.fetch(id);
      } catch {
        return;
      }
    }
    if (this.view?.conversationId === id) this.view.onMessage(message);
    const forMe = !conversation.assigned_agent_id || conversation.assigned_agent_id === session.agent?.id;
    if (message.sender_type === 'visitor' && forMe && !this._looking(id)) {
      this._notifications.add({
        key: `message:${id}`,
        conversationId: id,
        title: `New message from ${visitorName(conversation)}`,
        body: message.text,
        at: message.created_at,
      });
    }
  }

  _showEmpty() {
    this.element.classList.remove('has-open', 'panel-open');
    replaceChildren(this.centre, h('section', { class: 'pane conversation-pane empty-pane', 'aria-label': 'Conversation' },
      h('div', { class: 'empty-state large' }, icon('chat', 36), h('h2', {}, 'No conversation selected'),
        h('p', { class: 'muted' }, 'Pick a conversation from the list to read it and reply.'))));
    this.panel.element.hidden = true;
  }

  /// Opens a conversation (or none), as the route says.
  async show(conversationId) {
    if ((this.view?.conversationId ?? null) === (conversationId ?? null)) return;
    this._close();
    if (!conversationId) {
      this.store.setOpen(null);
      this._showEmpty();
      return;
    }
    let conversation = this.store.conversations.get(conversationId);
    if (!conversation) {
      try {
        conversation = await this.store.fetch(conversationId);
      } catch {
        toast('That conversation does not exist or is not yours to see.', { kind: 'error' });
        location.hash = '#/inbox';
        return;
      }
    }
    this.store.setOpen(conversationId);
    const view = new ConversationView({
      conversation, store: this.store, agents: this._agents, socket: this._socket,
      onBack: () => { location.hash = '#/inbox'; },
      onTogglePanel: () => this.element.classList.toggle('panel-open'),
    });
    this.view = view;
    replaceChildren(this.centre, view.element);
    this.element.classList.add('has-open');
    this.panel.element.hidden = false;
    this.panel.show(conversation);
    this._presence.view(conversationId);
    this._notifications.markConversationRead(conversationId);
    try {
      await view.open();
    } catch (error) {
      if (this.view === view) toast(`Messages could not be loaded: ${error.message}`, { kind: 'error' });
    }
    if (this.view === view) view.focus();
  }

  _close() {
    if (!this.view) return;
    this.view.dispose();
    this.panel.dispose();
    this._presence.stopViewing();
    this.view = null;
  }
}

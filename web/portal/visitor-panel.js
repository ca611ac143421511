// The right pane: who the visitor is, whether they are online, and the handover requests of the conversation
// with each delivery's status and attempts.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { agoPhrase, capitalise, fullTime, visitorName } from './format.js';
import { avatar } from './conversation-list.js';
import { icon } from './icons.js';
import { HandoverRequests } from './handover-requests.js';

/// Only web addresses become links; anything else a visitor sent (javascript:, data:) stays plain text.
function safeLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return h('a', { href: parsed.href, target: '_blank', rel: 'noopener noreferrer' }, url);
    }
  } catch {
    // not a URL
  }
  return url;
}

function row(label, value) {
  return [h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' ? h('span', { class: 'muted' }, '—') : value)];
}

export class VisitorPanel {
  constructor({ store, onClose }) {
    this._store = store;
    this.header = h('div', { class: 'visitor-header' });
    this.contact = h('dl', { class: 'details' });
    this.conversationDetails = h('dl', { class: 'details' });
    this.handover = new HandoverRequests();
    this.element = h('aside', { class: 'pane visitor-pane', 'aria-label': 'Visitor details' },
      h('div', { class: 'panel-top' }, h('h2', {}, 'Visitor'),
        h('button', { type: 'button', class: 'icon-button panel-close', 'aria-label': 'Close visitor details', onclick: onClose },
          icon('close'))),
      this.header,
      h('section', { class: 'panel-section', 'aria-label': 'Contact' }, h('h3', {}, 'Contact'), this.contact),
      h('section', { class: 'panel-section', 'aria-label': 'About this conversation' }, h('h3', {}, 'Conversation'),
        this.conversationDetails),
      this.handover.element);
    this._conversationId = null;
  }

  /// Shows a conversation; its presence is asked afresh and stored, which renders the panel again.
  async show(conversation) {
    const switched = this._conversationId !== conversation.id;
    this._conversationId = conversation.id;
    this.render(conversation);
    if (!switched) return;
    this.handover.show(conversation.id);
    try {
      const presence = await api.visitorPresence(conversation.id);
      this._store.setPresence(conversation.id, presence.is_online, presence.last_heartbeat);
    } catch {
      // The conversation's own is_online / last_seen_at stays on show.
    }
  }

  render(conversation) {
    if (conversation.id !== this._conversationId) return;
    const visitor = conversation.visitor ?? {};
    const online = Boolean(visitor.is_online);
    const lastSeen = visitor.last_seen_at;
    const name = visitorName(conversation);
    replaceChildren(this.header,
      avatar(name, online),
      h('div', { class: 'visitor-identity' },
        h('p', { class: 'visitor-name' }, name),
        h('p', { class: `visitor-presence ${online ? 'is-online' : ''}` },
          online ? 'Online now' : `Last seen ${agoPhrase(lastSeen)}`)));

    const custom = Object.entries(visitor.custom ?? {});
    replaceChildren(this.contact,
      row('Name', visitor.name),
      row('Email', visitor.email ? h('a', { href: `mailto:${visitor.email}` }, visitor.email) : null),
      row('Phone', visitor.phone ? h('a', { href: `tel:${visitor.phone}` }, visitor.phone) : null),
      row('Current page', visitor.current_url ? safeLink(visitor.current_url) : null),
      visitor.referrer ? row('Came from', safeLink(visitor.referrer)) : null,
      custom.map(([key, value]) => row(capitalise(key.replaceAll('_', ' ')), value)),
      row('First seen', fullTime(visitor.first_seen_at)),
      visitor.ip ? row('IP address', visitor.ip) : null);

    replaceChildren(this.conversationDetails,
      row('Status', capitalise(conversation.status)),
      row('Widget', conversation.widget_id),
      row('Started', fullTime(conversation.created_at)),
      row('First reply', conversation.first_response_at ? fullTime(conversation.first_response_at) : null),
      conversation.handover_method ? row('Handover', conversation.handover_method) : null,
      conversation.rating ? row('Rating', `${'★'.repeat(conversation.rating)}${'☆'.repeat(5 - conversation.rating)}`) : null,
      conversation.feedback ? row('Feedback', conversation.feedback) : null);
  }

  onHandoverUpdated(request) {
    this.onDeliveryStatus(request.conversation_id);
  }

  /// A delivery of a handover request of `conversationId` has a new provider status.
  onDeliveryStatus(conversationId) {
    if (conversationId === this._conversationId) this.handover.refresh();
  }

  dispose() {
    this._conversationId = null;
    this.handover.stop();
  }
}

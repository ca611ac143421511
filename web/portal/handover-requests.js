// The handover requests of one conversation, each with its deliveries: channel, status, attempts, the last
// error, the receiver's answer and the provider's latest status. Refreshed on handover:updated and delivery:status,
// and every few seconds while one is still pending (retries change attempts without changing the request's status).
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { capitalise, fullTime, plural } from './format.js';
import { session } from './session.js';
import { toastError } from './toast.js';

const POLL_MS = 4000;

export class HandoverRequests {
  constructor() {
    this.list = h('div', { class: 'handover-list' });
    this.element = h('section', { class: 'panel-section', 'aria-label': 'Handover requests' },
      h('div', { class: 'section-title' }, h('h3', {}, 'Handover requests'),
        h('button', { type: 'button', class: 'link-button', onclick: () => this.refresh() }, 'Refresh')),
      this.list);
    this._conversationId = null;
  }

  show(conversationId) {
    this._conversationId = conversationId;
    replaceChildren(this.list, h('p', { class: 'muted' }, 'Loading…'));
    this.refresh();
  }

  async refresh() {
    const conversationId = this._conversationId;
    if (!conversationId) return;
    clearTimeout(this._poll);
    try {
      const { requests } = await api.handoverRequests({ conversation_id: conversationId, limit: 20 });
      const details = await Promise.all(requests.map((request) => api.handoverRequest(request.id)));
      if (conversationId !== this._conversationId) return;
      this._render(details);
      if (details.some((request) => request.status === 'pending')) this._poll = setTimeout(() => this.refresh(), POLL_MS);
    } catch (error) {
      if (conversationId === this._conversationId) replaceChildren(this.list, h('p', { class: 'error-text' }, error.message));
    }
  }

  _render(requests) {
    if (requests.length === 0) {
      replaceChildren(this.list, h('p', { class: 'muted' }, 'The visitor has not asked for a person in this conversation.'));
      return;
    }
    replaceChildren(this.list, requests.map((request) => h('article', { class: 'handover-request', 'aria-label': `Handover via ${request.method}` },
      h('div', { class: 'handover-head' },
        h('span', { class: 'handover-method' }, request.method),
        h('span', { class: `state-chip state-${request.status}` }, capitalise(request.status))),
      h('p', { class: 'muted small' }, `Requested ${fullTime(request.created_at)}`),
      request.visitor_message ? h('p', { class: 'handover-message' }, request.visitor_message) : null,
      h('ul', { class: 'delivery-list', 'aria-label': 'Deliveries' }, request.deliveries.map((delivery) => deliveryItem(delivery))),
      request.status === 'failed' && session.isAdmin
        ? h('button', { type: 'button', class: 'button small', onclick: () => this._retry(request.id) }, 'Retry delivery') : null)));
  }

  async _retry(requestId) {
    try {
      await api.retryHandover(requestId);
    } catch (error) {
      toastError('Could not retry', error);
    } finally {
      this.refresh();
    }
  }

  stop() {
    clearTimeout(this._poll);
    this._conversationId = null;
  }
}

function deliveryItem(delivery) {
  const answer = delivery.response_code ? `HTTP ${delivery.response_code}` : null;
  return h('li', { class: 'delivery' },
    h('div', { class: 'delivery-head' },
      h('span', { class: 'delivery-channel' }, delivery.channel),
      h('span', { class: `state-chip state-${delivery.status}` }, capitalise(delivery.status))),
    h('p', { class: 'delivery-facts' },
      `${plural(delivery.attempts, 'attempt')} of ${delivery.max_attempts}`,
      answer ? ` · ${answer}` : '',
      delivery.delivered_at ? ` · delivered ${fullTime(delivery.delivered_at)}` : '',
      delivery.status === 'pending' && delivery.next_attempt_at ? ` · next try ${fullTime(delivery.next_attempt_at)}` : '',
      delivery.provider_status ? ` · provider: ${delivery.provider_status} ${fullTime(delivery.provider_status_at)}` : ''),
    delivery.last_error ? h('p', { class: 'error-text small' }, delivery.last_error) : null,
    delivery.provider_error_code || delivery.provider_error_text
      ? h('p', { class: 'error-text small' }, [delivery.provider_error_code, delivery.provider_error_text].filter(Boolean).join(': '))
      : null);
}

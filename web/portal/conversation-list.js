// The left pane: filters, search and the live list of conversations.
import { h, replaceChildren, uid } from './dom.js';
import { capitalise, fullTime, initials, shortTime, visitorName } from './format.js';
import { icon } from './icons.js';
import { session } from './session.js';

const ASSIGNMENT_FILTERS = [['all', 'All'], ['mine', 'Mine'], ['unassigned', 'Unassigned']];
const STATUS_FILTERS = [['open', 'Open'], ['bot', 'Bot'], ['pending', 'Pending'], ['active', 'Active'],
  ['resolved', 'Resolved'], ['closed', 'Closed'], ['all', 'All statuses']];
const SEARCH_DELAY_MS = 250;
/// Who wrote the last message, before its text in a row; the visitor's stands alone.
const PREVIEW_PREFIX = { agent: 'Agent: ', bot: 'Bot: ', system: 'Told the visitor: ' };

export function avatar(name, isOnline) {
  return h('span', { class: 'avatar', 'aria-hidden': isOnline === undefined ? 'true' : null },
    h('span', { class: 'avatar-initials', 'aria-hidden': 'true' }, initials(name)),
    isOnline === undefined ? null
      : h('span', { class: `presence-dot ${isOnline ? 'is-online' : ''}`, role: 'img', 'aria-label': isOnline ? 'Online' : 'Offline' }));
}

export class ConversationList {
  constructor(store, agents) {
    this._store = store;
    this._agents = agents;
    const searchId = uid('search');
    this.search = h('input', { id: searchId, type: 'search', placeholder: 'Search conversations',
      autocomplete: 'off', oninput: () => this._searchSoon() });
    this.filterButtons = ASSIGNMENT_FILTERS.map(([value, label]) => h('button', {
      type: 'button', class: 'segment', 'aria-pressed': String(store.filter.assigned === value),
      onclick: () => this._setAssigned(value) }, label));
    const statusId = uid('status-filter');
    this.statusSelect = h('select', { id: statusId, onchange: () => store.setFilter({ status: this.statusSelect.value }) },
      STATUS_FILTERS.map(([value, label]) => h('option', { value, selected: store.filter.status === value }, label)));
    this.count = h('span', { class: 'list-count', 'aria-live': 'polite' });
    this.list = h('ul', { class: 'conversation-list', 'aria-label': 'Conversations' });
    this.footer = h('div', { class: 'list-footer' });

    this.element = h('section', { class: 'pane list-pane', 'aria-label': 'Conversation list' },
      h('div', { class: 'list-header' },
        h('div', { class: 'list-title' }, h('h2', {}, 'Conversations'), this.count),
        h('div', { class: 'search-box' },
          h('label', { for: searchId, class: 'visually-hidden' }, 'Search conversations'),
          icon('search', 16), this.search),
        h('div', { class: 'list-filters' },
          h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show' }, this.filterButtons),
          h('label', { class: 'visually-hidden', for: statusId }, 'Status'),
          this.statusSelect)),
      this.list, this.footer);

    store.on('list', () => this.render());
    this.render();
  }

  _setAssigned(value) {
    this.filterButtons.forEach((button, index) => button.setAttribute('aria-pressed', String(ASSIGNMENT_FILTERS[index][0] === value)));
    this._store.setFilter({ assigned: value });
  }

  _searchSoon() {
    clearTimeout(this._searchTimer);
    this._searchTimer = setTimeout(() => this._store.setFilter({ q: this.search.value }), SEARCH_DELAY_MS);
  }

  render() {
    const store = this._store;
    const rows = store.rows;
    const focusedId = document.activeElement?.closest?.('.conversation-row')?.dataset.id;
    replaceChildren(this.list, rows.map((conversation) => h('li', {}, this._row(conversation))));
    this.count.textContent = store.loading && rows.length === 0 ? '' : String(rows.length);
    this.list.setAttribute('aria-busy', String(store.loading));
    if (focusedId) this.list.querySelector(`[data-id="${CSS.escape(focusedId)}"]`)?.focus();

    if (store.error && rows.length === 0) {
      replaceChildren(this.footer, h('div', { class: 'empty-state' }, h('p', {}, 'The conversations could not be loaded.'),
        h('p', { class: 'muted' }, store.error.message),
        h('button', { type: 'button', class: 'button', onclick: () => store.load() }, 'Try again')));
    } else if (!store.loading && rows.length === 0) {
      const searching = store.filter.q.trim() !== '';
      replaceChildren(this.footer, h('div', { class: 'empty-state' }, icon('inbox', 28),
        h('p', {}, searching ? 'No conversations match your search.' : 'No conversations here.'),
        h('p', { class: 'muted' }, searching ? 'Try another name, email or phrase.' : 'New chats appear here as visitors write in.')));
    } else if (store.nextCursor) {
      replaceChildren(this.footer, h('button', { type: 'button', class: 'button ghost wide', disabled: store.loading,
        onclick: () => store.loadMore() }, store.loading ? 'Loading…' : 'Load more'));
    } else {
      replaceChildren(this.footer, store.loading && rows.length === 0 ? h('p', { class: 'muted center' }, 'Loading…') : null);
    }
  }

  _row(conversation) {
    const name = visitorName(conversation);
    const last = conversation.last_message;
    const isOpen = conversation.id === this._store.openId;
    const unread = isOpen ? 0 : conversation.unread_count;
    const preview = last ? `${PREVIEW_PREFIX[last.sender_type] ?? ''}${last.text}` : 'No messages yet';
    const owner = conversation.assigned_agent_id
      ? conversation.assigned_agent_id === session.agent?.id ? 'You' : this._agents.name(conversation.assigned_agent_id)
      : 'Unassigned';
    const time = conversation.last_message_at ?? conversation.created_at;
    return h('a', {
      href: `#/inbox/${conversation.id}`,
      class: `conversation-row${isOpen ? ' is-open' : ''}${unread ? ' is-unread' : ''}`,
      'aria-current': isOpen ? 'true' : null,
      dataset: { id: conversation.id },
    },
    avatar(name, Boolean(conversation.visitor?.is_online)),
    h('span', { class: 'row-main' },
      h('span', { class: 'row-top' },
        h('span', { class: 'row-name' }, name),
        h('time', { class: 'row-time', datetime: time, title: fullTime(time) }, shortTime(time))),
      h('span', { class: 'row-preview' }, preview),
      h('span', { class: 'row-meta' },
        h('span', { class: `status-chip status-${conversation.status}` }, capitalise(conversation.status)),
        conversation.priority !== 'normal'
          ? h('span', { class: `priority-chip priority-${conversation.priority}` }, capitalise(conversation.priority)) : null,
        h('span', { class: 'row-owner' }, owner),
        unread ? h('span', { class: 'unread-badge', 'aria-label': `${unread} unread` }, String(unread)) : null)));
  }
}

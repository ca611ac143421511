// The inbox's state: the conversations the agent can see, the filters, and which one is open. REST loads pages;
// socket events keep it live. Views subscribe to 'list' (rows changed) and 'conversation' (one changed).
import { api } from './api.js';
import { Emitter } from './emitter.js';
import { session } from './session.js';

export const OPEN_STATUSES = ['bot', 'pending', 'active'];

const PAGE_SIZE = 50;

/// The list's order: newest activity first, as the hub sorts it.
const activity = (conversation) => conversation.last_message_at ?? conversation.created_at ?? '';

export class InboxStore extends Emitter {
  constructor() {
    super();
    this.conversations = new Map();
    this.filter = { assigned: 'all', status: 'open', q: '' };
    this.openId = null;
    this.nextCursor = null;
    this.loading = false;
    this.error = null;
    // Ids the hub returned for the current filter; its search reaches message history we cannot see.
    this._listed = new Set();
    this._loadGeneration = 0;
    this._presence = new Map(); // conversation id → { is_online, last_seen_at }
    this._fetching = new Map(); // conversation id → the request under way
  }

  /// Rows to show, newest activity first.
  get rows() {
    return [...this._listed]
      .map((id) => this.conversations.get(id))
      .filter(Boolean)
      .sort((a, b) => (activity(a) < activity(b) ? 1 : activity(a) > activity(b) ? -1 : 0));
  }

  get open() {
    return this.openId ? this.conversations.get(this.openId) ?? null : null;
  }

  setFilter(changes) {
    this.filter = { ...this.filter, ...changes };
    return this.load();
  }

  _params(cursor) {
    const { assigned, status, q } = this.filter;
    return {
      assigned: { all: undefined, mine: 'me', unassigned: 'unassigned' }[assigned],
      status: status === 'all' ? undefined : status === 'open' ? OPEN_STATUSES.join(',') : status,
      q: q.trim() || undefined,
      limit: PAGE_SIZE,
      cursor,
    };
  }

  async load() {
    const generation = ++this._loadGeneration;
    this.loading = true;
    this.emit('list');
    try {
      const page = await api.conversations(this._params());
      if (generation !== this._loadGeneration) return;
      this._listed = new Set();
      for (const conversation of page.conversations) this._remember(conversation, true);
      this.nextCursor = page.next_cursor;
      this.error = null;
    } catch (error) {
      if (generation !== this._loadGeneration) return;
      this.error = error;
    } finally {
      if (generation === this._loadGeneration) {
        this.loading = false;
        this.emit('list');
      }
    }
  }

  async loadMore() {
    if (!this.nextCursor || this.loading) return;
    const generation = this._loadGeneration;
    this.loading = true;
    try {
      const page = await api.conversations(this._params(this.nextCursor));
      if (generation !== this._loadGeneration) return;
      for (const conversation of page.conversations) this._remember(conversation, true);
      this.nextCursor = page.next_cursor;
    } finally {
      this.loading = false;
      this.emit('list');
    }
  }

  /// Matches the current filter as far as the client can tell (the hub also searches message text).
  matches(conversation, { ignoreQuery = false } = {}) {
    const { assigned, status, q } = this.filter;
    if (assigned === 'mine' && conversation.assigned_agent_id !== session.agent?.id) return false;
    if (assigned === 'unassigned' && conversation.assigned_agent_id) return false;
    if (status === 'open' && !OPEN_STATUSES.includes(conversation.status)) return false;
    if (status !== 'open' && status !== 'all' && conversation.status !== status) return false;
    const needle = q.trim().toLowerCase();
    if (!needle || ignoreQuery) return true;
    const { visitor = {}, subject, last_message: last } = conversation;
    return [visitor.name, visitor.email, visitor.phone, subject, last?.text]
      .some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
  }

  _remember(conversation, listedByHub = false) {
    const known = this.conversations.get(conversation.id);
    const merged = known ? { ...known, ...conversation, visitor: conversation.visitor ?? known.visitor } : conversation;
    // Presence events are the freshest word on whether the visitor is online: conversations inside socket
    // events carry no is_online, and one fetched a moment ago may predate the latest event.
    const presence = this._presence.get(conversation.id);
    if (presence && merged.visitor) merged.visitor = { ...merged.visitor, ...presence };
    this.conversations.set(conversation.id, merged);
    if (listedByHub) this._listed.add(conversation.id);
  }

  /// A conversation changed (socket event or action answer): store it and decide whether it stays listed.
  upsert(conversation) {
    const wasListed = this._listed.has(conversation.id);
    this._remember(conversation);
    const merged = this.conversations.get(conversation.id);
    // A row the hub listed for the search stays while status and owner still match.
    if (this.matches(merged, { ignoreQuery: wasListed }) || conversation.id === this.openId) this._listed.add(conversation.id);
    else this._listed.delete(conversation.id);
    this.emit('list');
    this.emit('conversation', merged);
  }

  /// The visitor of a conversation came or went (customer:online / customer:offline, or a presence lookup).
  setPresence(conversationId, isOnline, at) {
    const known = this._presence.get(conversationId);
    const presence = { is_online: isOnline, last_seen_at: at ?? known?.last_seen_at ?? null };
    this._presence.set(conversationId, presence);
    this.patch(conversationId, (conversation) => ({ ...conversation, visitor: { ...conversation.visitor, ...presence } }));
  }

  /// Applies a field change to a stored conversation (presence, unread) without a fetch.
  patch(conversationId, change) {
    const known = this.conversations.get(conversationId);
    if (!known) return null;
    const next = typeof change === 'function' ? change(known) : { ...known, ...change };
    this.conversations.set(conversationId, next);
    this.emit('list');
    this.emit('conversation', next);
    return next;
  }

  /// Fetches a conversation we have not seen (a message or event for it arrived) and lists it if it matches.
  fetch(conversationId) {
    // Several events for a new conversation arrive together: they share one request.
    if (!this._fetching.has(conversationId)) {
      const fetching = api.conversation(conversationId)
        .then((conversation) => {
          this.upsert(conversation);
          return this.conversations.get(conversationId);
        })
        .finally(() => this._fetching.delete(conversationId));
      this._fetching.set(conversationId, fetching);
    }
    return this._fetching.get(conversationId);
  }

  setOpen(conversationId) {
    this.openId = conversationId;
    if (conversationId) this._listed.add(conversationId);
    this.emit('list');
  }
}

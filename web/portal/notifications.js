// The bell: unread count, a dropdown list (clicking an entry opens its conversation), a chime and a browser
// notification. Fed by notification:new and by visitor messages in conversations the agent is not looking at;
// several messages of one conversation share one entry until it is read.
import { h, replaceChildren, uid } from './dom.js';
import { shortTime, fullTime } from './format.js';
import { icon } from './icons.js';
import { sound } from './sound.js';

const MAX_ENTRIES = 50;

export class NotificationCenter {
  constructor({ openConversation }) {
    this._openConversation = openConversation;
    this._entries = [];
    const panelId = uid('notifications');
    this.badge = h('span', { class: 'bell-badge', hidden: true, 'aria-hidden': 'true' });
    this.button = h('button', { type: 'button', class: 'icon-button bell', 'aria-haspopup': 'true', 'aria-expanded': 'false',
      'aria-controls': panelId, onclick: () => this.toggle() }, icon('bell', 20), this.badge);
    this.list = h('ul', { class: 'notification-list' });
    this.permission = h('div', { class: 'notification-permission' });
    this.muteButton = h('button', { type: 'button', class: 'link-button', onclick: () => this._toggleMute() });
    this.panel = h('div', { id: panelId, class: 'notification-panel', role: 'region', 'aria-label': 'Notifications', hidden: true },
      h('div', { class: 'notification-panel-head' }, h('h2', {}, 'Notifications'),
        h('button', { type: 'button', class: 'link-button', onclick: () => this.markAllRead() }, 'Mark all as read')),
      this.permission, this.list,
      h('div', { class: 'notification-panel-foot' }, this.muteButton));
    this.element = h('div', { class: 'notifications' }, this.button, this.panel);

    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.panel.hidden) {
        this.close();
        this.button.focus();
      }
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.panel.hidden && !this.element.contains(event.target)) this.close();
    });
    this.render();
  }

  get unreadCount() {
    return this._entries.filter((entry) => !entry.read).length;
  }

  /// A new entry: { key, conversationId, title, body, at }. An unread entry with the same key is replaced
  /// (counted as one more message) rather than duplicated.
  add({ key, conversationId, title, body, at }) {
    const existing = this._entries.find((entry) => entry.key === key && !entry.read);
    if (existing) {
      existing.count += 1;
      // Messages may be reported out of order (a fetch in between): the entry shows the newest.
      if (at >= existing.at) Object.assign(existing, { body, at });
      this._entries = [existing, ...this._entries.filter((entry) => entry !== existing)];
    } else {
      this._entries.unshift({ key, conversationId, title, body, at, read: false, count: 1 });
      this._entries.length = Math.min(this._entries.length, MAX_ENTRIES);
    }
    this.render();
    sound.ding();
    this._browserNotification({ key, conversationId, title, body });
  }

  markConversationRead(conversationId) {
    let changed = false;
    for (const entry of this._entries) {
      if (entry.conversationId === conversationId && !entry.read) {
        entry.read = true;
        changed = true;
      }
    }
    if (changed) this.render();
  }

  markAllRead() {
    for (const entry of this._entries) entry.read = true;
    this.render();
  }

  toggle() {
    if (this.panel.hidden) this.openPanel();
    else this.close();
  }

  openPanel() {
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.render();
  }

  close() {
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  render() {
    const unread = this.unreadCount;
    this.badge.hidden = unread === 0;
    this.badge.textContent = unread > 99 ? '99+' : String(unread);
    this.button.setAttribute('aria-label', unread ? `Notifications (${unread} unread)` : 'Notifications');
    this.muteButton.textContent = sound.muted ? 'Turn sound on' : 'Mute sound';
    this._renderPermission();
    if (this._entries.length === 0) {
      replaceChildren(this.list, h('li', { class: 'notification-empty' }, icon('bell', 24),
        h('p', {}, 'You are all caught up.'), h('p', { class: 'muted small' }, 'New messages and handover requests show up here.')));
      return;
    }
    replaceChildren(this.list, this._entries.map((entry) => h('li', {},
      h('button', { type: 'button', class: `notification${entry.read ? '' : ' is-unread'}`, onclick: () => this._activate(entry) },
        h('span', { class: 'notification-title' }, entry.title, entry.count > 1 ? ` (${entry.count})` : ''),
        h('span', { class: 'notification-body' }, entry.body),
        h('time', { class: 'notification-time', datetime: entry.at, title: fullTime(entry.at) }, shortTime(entry.at))))));
  }

  _activate(entry) {
    entry.read = true;
    this.close();
    this.render();
    if (entry.conversationId) this._openConversation(entry.conversationId);
  }

  _toggleMute() {
    sound.muted = !sound.muted;
    this.render();
  }

  _renderPermission() {
    if (!('Notification' in window) || Notification.permission !== 'default') {
      replaceChildren(this.permission);
      return;
    }
    // Browsers only ask for permission from a user gesture: this click.
    replaceChildren(this.permission, h('p', { class: 'small' }, 'Get a desktop alert when a visitor writes while you are elsewhere.'),
      h('button', { type: 'button', class: 'button small', onclick: async () => {
        await Notification.requestPermission();
        this.render();
      } }, 'Turn on desktop alerts'));
  }

  _browserNotification({ key, conversationId, title, body }) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    // The body is plain text by specification: no markup is interpreted.
    const notification = new Notification(title, { body, tag: key });
    notification.onclick = () => {
      window.focus();
      if (conversationId) this._openConversation(conversationId);
      notification.close();
    };
  }
}

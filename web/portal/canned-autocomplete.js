// "/shortcut" completion in the reply box: typing "/" at the start of a word lists the canned responses whose
// shortcut or title matches; ↑/↓ choose, Enter or Tab inserts, Esc closes. Inserting resolves the shortcut on
// the hub (GET /api/canned-responses?shortcut=), which also counts the use.
import { api } from './api.js';
import { h, replaceChildren, uid } from './dom.js';

const MAX_OPTIONS = 8;

export class CannedAutocomplete {
  constructor(textarea, widgetId) {
    this._textarea = textarea;
    this._widgetId = widgetId;
    this._responses = null;
    this._options = [];
    this._active = 0;
    this._token = null;
    this.listbox = h('ul', { id: uid('canned'), class: 'canned-popup', role: 'listbox', 'aria-label': 'Canned responses', hidden: true });
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', this.listbox.id);
  }

  get isOpen() {
    return !this.listbox.hidden;
  }

  /// The "/word" being typed just before the caret, or null.
  _currentToken() {
    const { value, selectionStart } = this._textarea;
    const before = value.slice(0, selectionStart);
    const match = /(^|\s)(\/[a-z0-9_-]{0,32})$/i.exec(before);
    return match ? { text: match[2], start: selectionStart - match[2].length, end: selectionStart } : null;
  }

  async update() {
    this._token = this._currentToken();
    if (!this._token) return this.close();
    if (!this._responses) {
      try {
        this._responses = (await api.cannedResponses(this._widgetId)).canned_responses;
      } catch {
        this._responses = [];
      }
      this._token = this._currentToken();
      if (!this._token) return this.close();
    }
    const needle = this._token.text.slice(1).toLowerCase();
    this._options = this._responses
      .filter((item) => item.shortcut.slice(1).startsWith(needle) || item.title.toLowerCase().includes(needle))
      .sort((a, b) => b.usage_count - a.usage_count || a.shortcut.localeCompare(b.shortcut))
      .slice(0, MAX_OPTIONS);
    this._active = 0;
    this._render();
  }

  _render() {
    if (this._options.length === 0) {
      replaceChildren(this.listbox, h('li', { class: 'canned-empty', role: 'presentation' },
        this._responses.length ? 'No canned response matches.' : 'No canned responses yet.'));
    } else {
      replaceChildren(this.listbox, this._options.map((item, index) => h('li', {
        id: `${this.listbox.id}-${index}`, role: 'option', class: 'canned-option', 'aria-selected': String(index === this._active),
        // mousedown, not click: the reply box keeps the focus and the caret.
        onmousedown: (event) => {
          event.preventDefault();
          this.choose(index);
        },
      },
      h('span', { class: 'canned-shortcut' }, item.shortcut),
      h('span', { class: 'canned-title' }, item.title),
      h('span', { class: 'canned-content' }, item.content))));
    }
    this.listbox.hidden = false;
    this._textarea.setAttribute('aria-activedescendant', this._options.length ? `${this.listbox.id}-${this._active}` : '');
    this.listbox.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  close() {
    this.listbox.hidden = true;
    this._options = [];
    this._textarea.removeAttribute('aria-activedescendant');
  }

  /// Handles the keys the popup owns; returns true when the key was used.
  handleKey(event) {
    if (!this.isOpen) return false;
    if (event.key === 'Escape') {
      this.close();
      return true;
    }
    if (this._options.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this._active = (this._active + step + this._options.length) % this._options.length;
      this._render();
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      this.choose(this._active);
      return true;
    }
    return false;
  }

  async choose(index) {
    const item = this._options[index];
    const token = this._token;
    this.close();
    if (!item || !token) return;
    let content = item.content;
    try {
      content = (await api.cannedByShortcut(item.shortcut)).content;
    } catch {
      // The list's copy is good enough when the lookup (which only adds to the usage count) fails.
    }
    const textarea = this._textarea;
    textarea.setRangeText(content, token.start, token.end, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
  }
}

// The widget's frame inside its shadow root: the launcher with its unread badge, and the chat panel with a
// header (title, availability, mute, minimise), a scrolling area, a footer and a layer for dialogs.
import { h, icon, iconButton, uniqueId } from './dom.js';
import { focusableIn, trapFocus } from './focus.js';

// Below this width the panel covers the whole screen and behaves as a modal dialog.
const FULL_SCREEN = '(max-width: 480px)';

export class ChatWindow {
  /// handlers: onOpen(), onToggleMute()
  constructor(shadowRoot, config, handlers) {
    this.shadow = shadowRoot;
    this.handlers = handlers;
    const { appearance } = config;
    const titleId = uniqueId('title');

    this.statusText = h('span');
    this.muteButton = iconButton('sound', 'Mute sounds', { 'aria-pressed': 'false', onclick: () => handlers.onToggleMute() });
    const header = h('header', { class: 'sb-header' },
      h('div', { class: 'sb-header-text' },
        h('h2', { id: titleId, class: 'sb-title', text: appearance.title }),
        h('p', { class: 'sb-status' }, h('span', { class: 'sb-dot', 'aria-hidden': 'true' }), this.statusText)),
      this.muteButton,
      iconButton('chevron', 'Minimise chat', { onclick: () => this.close() }));

    this.linkNotice = h('p', { class: 'sb-link-notice', role: 'status', hidden: true, text: 'Reconnecting…' });
    this.scroller = h('div', { class: 'sb-scroll' });
    this.footer = h('div', { class: 'sb-footer' });
    this.dialogLayer = h('div', { class: 'sb-dialog-layer', hidden: true });
    this.panel = h('div', { class: 'sb-panel', role: 'dialog', 'aria-labelledby': titleId, hidden: true },
      header, this.linkNotice, this.scroller, this.footer, this.dialogLayer);

    this.badge = h('span', { class: 'sb-badge', 'aria-hidden': 'true', hidden: true });
    this.badgeText = h('span', { id: uniqueId('unread'), class: 'sb-vh' });
    this.launcher = h('button', {
      type: 'button', class: 'sb-launcher', 'aria-label': 'Open chat', 'aria-expanded': 'false',
      'aria-describedby': this.badgeText.id, onclick: () => (this.isOpen ? this.close() : this.open()),
    }, icon('chat'), icon('close'), this.badge);

    this.root = h('div', { class: `sb-root sb-${appearance.position === 'bottom-left' ? 'left' : 'right'}`, hidden: true },
      this.panel, this.launcher, this.badgeText);
    this.root.style.setProperty('--sb-primary', appearance.primary_color);
    this.root.style.setProperty('--sb-on-primary', appearance.text_color);

    this.fullScreen = matchMedia(FULL_SCREEN);
    const syncModal = () => this.panel.setAttribute('aria-modal', String(this.fullScreen.matches));
    this.fullScreen.addEventListener('change', syncModal);
    syncModal();
    trapFocus(this.panel, shadowRoot, () => this.fullScreen.matches && this.dialogLayer.hidden);
    trapFocus(this.dialogLayer, shadowRoot);
    this.root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      if (!this.dialogLayer.hidden) this.closeDialog();
      else if (this.isOpen) this.close();
      else return;
      event.stopPropagation();
    });
    this.focusTarget = null;
    shadowRoot.append(this.root);
  }

  /// Shows the widget once its stylesheet has loaded, so that it never flashes unstyled.
  reveal() {
    this.root.hidden = false;
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  open() {
    this.panel.hidden = false;
    this.root.classList.add('sb-is-open');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.launcher.setAttribute('aria-label', 'Close chat');
    this.scrollToEnd(true);
    if (this.focusTarget) this.focusTarget();
    else focusableIn(this.panel)[0]?.focus();
    this.handlers.onOpen();
  }

  close() {
    this.closeDialog();
    this.panel.hidden = true;
    this.root.classList.remove('sb-is-open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-label', 'Open chat');
    this.launcher.focus();
  }

  /// The scrolling content and the footer of the current view; focus() picks what gets focus on open.
  setView({ content, footer = [], focus = null }) {
    this.scroller.replaceChildren(...content);
    this.footer.replaceChildren(...footer);
    this.footer.hidden = footer.length === 0;
    this.focusTarget = focus;
    if (this.isOpen) focus?.();
  }

  setAvailability(openNow, offlineText) {
    this.root.classList.toggle('sb-away', !openNow);
    this.statusText.textContent = openNow ? 'Online — ask us anything' : "Away — we'll reply by email";
    this.statusText.title = openNow ? '' : offlineText;
  }

  setLinkUp(up) {
    this.linkNotice.hidden = up;
  }

  setMuted(muted) {
    this.muteButton.setAttribute('aria-pressed', String(muted));
    this.muteButton.replaceChildren(icon(muted ? 'muted' : 'sound'));
  }

  setUnread(count) {
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 9 ? '9+' : String(count);
    this.badgeText.textContent = count ? `${count} unread message${count > 1 ? 's' : ''}` : '';
  }

  /// Scrolls to the newest message when the visitor is already near it (or always, with force).
  scrollToEnd(force = false) {
    const el = this.scroller;
    const nearEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (force || nearEnd) el.scrollTop = el.scrollHeight;
  }

  /// Opens a modal dialog ({el, focus}) over the panel; focus returns to `returnTo` when it closes.
  showDialog(dialog, returnTo) {
    this.dialogReturn = returnTo;
    this.dialogLayer.replaceChildren(dialog.el);
    this.dialogLayer.hidden = false;
    dialog.focus();
  }

  closeDialog() {
    if (this.dialogLayer.hidden) return;
    this.dialogLayer.hidden = true;
    this.dialogLayer.replaceChildren();
    if (this.dialogReturn?.isConnected) this.dialogReturn.focus();
    else focusableIn(this.panel)[0]?.focus();
  }
}

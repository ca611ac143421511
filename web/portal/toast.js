// Short-lived messages at the bottom of the screen ("Saved", "Could not assign: ..."), announced politely.
import { h } from './dom.js';

const SHOW_MS = 3500;
let region = null;

export function toast(message, { kind = 'info' } = {}) {
  if (!region) {
    region = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  const item = h('div', { class: `toast toast-${kind}` }, message);
  region.append(item);
  setTimeout(() => item.remove(), SHOW_MS);
}

export const toastError = (prefix, error) => toast(`${prefix}: ${error.message}`, { kind: 'error' });

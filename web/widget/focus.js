// Keyboard focus inside the widget's shadow root.

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function focusableIn(container) {
  return [...container.querySelectorAll(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/// Keeps Tab and Shift+Tab cycling inside `container` while active() holds. Focus inside a shadow root is
/// read from the root, not from document.activeElement (which is the host).
export function trapFocus(container, root, active = () => true) {
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || !active()) return;
    const items = focusableIn(container);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const current = root.activeElement;
    if (event.shiftKey && (current === first || !container.contains(current))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || !container.contains(current))) {
      event.preventDefault();
      first.focus();
    }
  });
}

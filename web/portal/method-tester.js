// "Test": the method's channel sends a harmless message with the settings in the form (the webhook channel a
// signed test event) and the hub shows how the destination answered (status and latency), or why it could not.
// For a method saved on the hub, a setting that still shows the mask is the saved secret, which the hub uses.
import { api } from './api.js';
import { h, replaceChildren, showFieldError } from './dom.js';

export const SECRET_MASK = '********';

/// channel(): the channel instance chosen; settings(): [{ name, slot }] of the method's form, slot a dom.field();
/// saved: { widgetId, method } where the method is saved (its settings then start from the saved ones).
export function methodTester(channel, settings, saved) {
  const result = h('div', { class: 'test-result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button small', onclick: run }, 'Test');

  async function run() {
    const slots = settings();
    for (const { slot } of slots) showFieldError(slot, null);
    const values = Object.fromEntries(slots.map(({ name, slot }) => [name, slot.input.value.trim()]));
    const masked = slots.find(({ slot }) => slot.input.value === SECRET_MASK);
    if (masked && !saved) {
      showFieldError(masked.slot, 'The saved value is hidden. Type it (or a new one) here to send a test.');
      masked.slot.input.focus();
      return;
    }
    button.disabled = true;
    replaceChildren(result, h('span', { class: 'muted' }, 'Sending a test…'));
    try {
      const answer = saved
        ? await api.testMethod({ widget_id: saved.widgetId, method: saved.method, settings: values })
        : await api.testMethod({ channel: channel(), settings: values });
      const facts = [answer.status_code !== null ? `HTTP ${answer.status_code}` : null,
        answer.latency_ms !== null ? `${answer.latency_ms} ms` : null].filter(Boolean).join(' · ');
      replaceChildren(result, h('div', { class: `test-outcome ${answer.ok ? 'is-ok' : 'is-bad'}` },
        h('strong', {}, answer.ok ? 'Destination answered' : 'Test failed'),
        facts ? h('span', { class: 'test-facts' }, facts) : null,
        // Without an answer, the detail says why (a time-out, a refused connection); with one, the status says it.
        !answer.ok && answer.status_code === null ? h('span', { class: 'test-detail' }, answer.detail) : null,
        answer.response_excerpt ? h('code', { class: 'test-excerpt' }, answer.response_excerpt) : null));
    } catch (error) {
      const at = slots.find(({ name }) => error.field === `settings.${name}`);
      if (at) showFieldError(at.slot, error.message);
      replaceChildren(result, at ? null : h('span', { class: 'error-text' }, error.message));
    } finally {
      button.disabled = false;
    }
  }

  return { button, result };
}

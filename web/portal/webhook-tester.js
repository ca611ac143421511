// "Test webhook": sends a signed test event to the URL and secret in the form and shows how the receiver
// answered (status and latency), or why it could not. While the secret field still shows the saved secret's mask,
// the hub signs with the saved secret of the widget's method.
import { api } from './api.js';
import { h, replaceChildren, showFieldError } from './dom.js';

export const SECRET_MASK = '********';

/// url / secret: dom.field() slots of the method's form; saved: { widgetId, method } where the method is saved.
export function webhookTester(url, secret, saved) {
  const result = h('div', { class: 'test-result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button small', onclick: run }, 'Test webhook');

  async function run() {
    showFieldError(url, null);
    showFieldError(secret, null);
    const useSaved = secret.input.value === SECRET_MASK;
    if (useSaved && !saved) {
      showFieldError(secret, 'The saved secret is hidden. Type it (or a new one) here to send a test.');
      secret.input.focus();
      return;
    }
    button.disabled = true;
    replaceChildren(result, h('span', { class: 'muted' }, 'Sending a test event…'));
    try {
      const answer = useSaved
        ? await api.testSavedWebhook(saved.widgetId, saved.method, url.input.value.trim())
        : await api.testWebhook(url.input.value.trim(), secret.input.value);
      const facts = [answer.status_code !== null ? `HTTP ${answer.status_code}` : null,
        answer.latency_ms !== null ? `${answer.latency_ms} ms` : null].filter(Boolean).join(' · ');
      replaceChildren(result, h('div', { class: `test-outcome ${answer.ok ? 'is-ok' : 'is-bad'}` },
        h('strong', {}, answer.ok ? 'Receiver answered' : 'Test failed'),
        facts ? h('span', { class: 'test-facts' }, facts) : null,
        answer.error ? h('span', { class: 'test-detail' }, answer.error) : null,
        answer.response_excerpt ? h('code', { class: 'test-excerpt' }, answer.response_excerpt) : null));
    } catch (error) {
      if (error.field === 'webhook_url') showFieldError(url, error.message);
      else if (error.field === 'webhook_secret') showFieldError(secret, error.message);
      replaceChildren(result, error.field ? null : h('span', { class: 'error-text' }, error.message));
    } finally {
      button.disabled = false;
    }
  }

  return { button, result };
}

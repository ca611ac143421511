// The hub's public widget endpoints. Visitor calls carry the visitor token as a bearer token.
import { busyResponseWait, retryWhileBusy } from '../shared/busy-retry.js';

const MAX_URL_CHARS = 2000; // the hub refuses longer current_url / referrer

export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error ?? {};
    super(error.message || `The chat service answered ${status}.`);
    this.status = status;
    this.code = error.code ?? 'network_error';
    this.field = error.field ?? null;
  }
}

export class HubApi {
  constructor(hubUrl, widgetId) {
    this.hubUrl = hubUrl;
    this.widgetId = widgetId;
    this.token = null;
  }

  async call(method, path, body) {
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response;
    try {
      response = await retryWhileBusy(() => fetch(this.hubUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      }), busyResponseWait);
    } catch {
      throw new ApiError(0, { error: { code: 'network_error', message: "We can't reach the chat right now. Please check your connection and try again." } });
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  config() {
    return this.call('GET', `/api/widget/config?widget_id=${encodeURIComponent(this.widgetId)}`);
  }

  /// Whether a person can answer now: `{agents_available, open_now, next_change_at}`.
  availability() {
    return this.call('GET', `/api/widget/availability?widget_id=${encodeURIComponent(this.widgetId)}`);
  }

  /// Starts a conversation (or resumes the visitor's open one) with the pre-chat details.
  init(details) {
    return this.call('POST', '/api/widget/init', {
      widget_id: this.widgetId,
      ...details,
      current_url: location.href.slice(0, MAX_URL_CHARS),
      referrer: document.referrer ? document.referrer.slice(0, MAX_URL_CHARS) : undefined,
    });
  }

  /// Every message of the conversation after `afterSeq`, following the pages.
  async messagesAfter(conversationId, afterSeq) {
    const all = [];
    for (;;) {
      const after = all.length ? all[all.length - 1].seq : afterSeq;
      const page = await this.call('GET', `/api/widget/messages?conversation_id=${encodeURIComponent(conversationId)}&after_seq=${after}&limit=500`);
      all.push(...page.messages);
      if (!page.has_more || page.messages.length === 0) return all;
    }
  }

  rate(conversationId, rating, feedback) {
    return this.call('POST', '/api/widget/rating', { conversation_id: conversationId, rating, feedback: feedback || null });
  }

  requestHandover(request) {
    return this.call('POST', '/api/handover/request', request);
  }
}

// What the widget remembers in this browser, per widget: the visitor token and conversation (so a reload
// resumes the chat), the contact details given, the newest message seen (for the unread badge) and the mute
// choice. Falls back to memory where storage is blocked (some privacy modes and sandboxed frames).

export class VisitorSession {
  constructor(widgetId) {
    this.key = `switchboard:${widgetId}`;
    this.data = {};
    try {
      this.data = JSON.parse(localStorage.getItem(this.key) || '{}') || {};
    } catch {
      this.data = {};
    }
  }

  get token() { return this.data.visitor_token ?? null; }
  get conversationId() { return this.data.conversation_id ?? null; }
  get contact() { return this.data.contact ?? {}; }
  get seenSeq() { return this.data.seen_seq ?? 0; }
  get muted() { return this.data.muted === true; }
  get resolved() { return this.data.resolved === true; }

  update(patch) {
    Object.assign(this.data, patch);
    try {
      localStorage.setItem(this.key, JSON.stringify(this.data));
    } catch {
      // storage full or blocked: the session lives in memory for this page
    }
  }

  startConversation({ visitor_token, conversation_id }) {
    this.update({ visitor_token, conversation_id, seen_seq: 0, resolved: false });
  }
}

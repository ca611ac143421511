// The chat widget: wires the hub's API, the live connection and the views together.
import { ChatConnection } from './chat-connection.js';
import { ChatWindow } from './chat-window.js';
import { playChime, unlockAudio } from '../shared/chime.js';
import { createComposer } from './composer.js';
import { h, icon } from './dom.js';
import { createHandoverDialog } from './handover-dialog.js';
import { HubApi } from './hub-api.js';
import { isFromTeam, MessageLog } from './message-log.js';
import { createPrechatForm } from './prechat-form.js';
import { createRatingForm } from './rating-form.js';
import { VisitorSession } from './visitor-session.js';

const HOST_TAG = 'switchboard-chat';
const AGENT_TYPING_TIMEOUT_MS = 8_000; // hide "typing" if the agent's "stopped" never arrives
const AVAILABILITY_CHECK_MS = 60_000;

/// A client_msg_id; crypto.randomUUID exists only on https pages (and localhost).
function newClientMsgId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/// The host element, styled inline with !important so that no rule of the page can hide or move it.
function createHost(widgetId) {
  const host = document.createElement(HOST_TAG);
  host.dataset.widgetId = widgetId;
  for (const [property, value] of [['all', 'initial'], ['display', 'block'], ['position', 'static']]) {
    host.style.setProperty(property, value, 'important');
  }
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

function loadStyles(shadow, hubUrl) {
  return new Promise((resolve, reject) => {
    const link = h('link', { rel: 'stylesheet', href: `${hubUrl}/widget/widget.css` });
    link.addEventListener('load', resolve);
    link.addEventListener('error', () => reject(new Error('widget.css did not load')));
    shadow.append(link);
  });
}

export async function startWidget({ hubUrl, widgetId }) {
  if (document.querySelector(`${HOST_TAG}[data-widget-id="${CSS.escape(widgetId)}"]`)) return; // embedded twice
  const api = new HubApi(hubUrl, widgetId);
  const config = await api.config();
  // An async script in <head> can run before <body> exists.
  if (document.readyState === 'loading') await new Promise((resolve) => addEventListener('DOMContentLoaded', resolve, { once: true }));
  const shadow = createHost(widgetId);
  const widget = new Widget({ hubUrl, api, config, shadow });
  await loadStyles(shadow, hubUrl);
  widget.ui.reveal();
  await widget.start();
}

class Widget {
  constructor({ hubUrl, api, config, shadow }) {
    this.hubUrl = hubUrl;
    this.api = api;
    this.config = config;
    this.session = new VisitorSession(config.widget_id);
    this.connection = null;
    this.openNow = config.business_hours.open_now;
    const avatar = config.appearance.agent_avatar_url;
    this.log = new MessageLog({ avatarUrl: avatar ? new URL(avatar, hubUrl).href : '' });
    this.ui = new ChatWindow(shadow, config, {
      onOpen: () => {
        unlockAudio();
        this.markSeen();
        this.checkAvailabilityIfDue?.();
      },
      onToggleMute: () => {
        this.session.update({ muted: !this.session.muted });
        this.ui.setMuted(this.session.muted);
      },
    });
    this.typingLine = h('p', { class: 'sb-typing', role: 'status', hidden: true });
    this.welcome = h('div', { class: 'sb-message sb-from-agent sb-welcome' },
      h('span', { class: 'sb-avatar', 'aria-hidden': 'true' }, icon('chat')),
      h('div', { class: 'sb-message-body' }, h('div', { class: 'sb-bubble', text: config.texts.welcome })));
    this.offlineNotice = h('p', { class: 'sb-notice', text: config.texts.offline });
    this.conversationLog = h('div', { class: 'sb-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' },
      this.welcome, this.offlineNotice, this.log.list);
    this.composer = createComposer({
      placeholder: config.texts.input_placeholder,
      maxChars: config.limits.max_message_chars,
      onSend: (text) => this.send(text),
      onTyping: (isTyping) => this.connection?.typing(isTyping),
    });
    this.handoverButton = h('button', { type: 'button', class: 'sb-handover-button', onclick: () => this.openHandover() },
      icon('person'), config.texts.handover_button);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.ui.isOpen) this.markSeen();
    });
  }

  async start() {
    this.ui.setMuted(this.session.muted);
    this.setAvailability(this.openNow);
    this.scheduleAvailabilityCheck();
    if (this.session.token && this.session.conversationId) await this.resume();
    else this.showStart();
  }

  // ---- availability ------------------------------------------------------------------------------

  /// `openNow`: a person can answer now (an agent is online and business hours are open).
  setAvailability(openNow) {
    this.openNow = openNow;
    this.ui.setAvailability(openNow, this.config.texts.offline);
    this.offlineNotice.hidden = openNow;
  }

  /// Agents come and go and business hours open and close while the page stays open: ask the hub now, and again
  /// every AVAILABILITY_CHECK_MS while the panel is open (at most once per interval when it is opened).
  scheduleAvailabilityCheck() {
    const check = async () => {
      try {
        const now = await this.api.availability();
        this.setAvailability(now.open_now && now.agents_available);
      } catch {
        // keep the last known state
      }
    };
    let lastCheck = 0;
    this.checkAvailabilityIfDue = () => {
      if (Date.now() - lastCheck < AVAILABILITY_CHECK_MS) return;
      lastCheck = Date.now();
      check();
    };
    this.checkAvailabilityIfDue();
    setInterval(() => {
      if (this.ui.isOpen) this.checkAvailabilityIfDue();
    }, AVAILABILITY_CHECK_MS);
  }


  // ---- views -------------------------------------------------------------------------------------

  showStart() {
    const { prechat } = this.config;
    if (!prechat.enabled || prechat.fields.length === 0) {
      this.showChat();
      return;
    }
    const form = createPrechatForm({
      intro: this.config.texts.prechat_intro,
      fields: prechat.fields,
      contact: this.session.contact,
      onSubmit: (details) => this.startConversation(details),
    });
    this.ui.setView({ content: [this.conversationLog, form.el], focus: form.focus });
  }

  showChat() {
    const canHandOver = this.config.handover.enabled && this.config.handover.methods.length > 0 && this.session.conversationId;
    const footer = [canHandOver ? h('div', { class: 'sb-actions' }, this.handoverButton) : null, this.composer.el].filter(Boolean);
    this.ui.setView({ content: [this.conversationLog, this.typingLine], footer, focus: this.composer.focus });
    this.ui.scrollToEnd(true);
  }

  showEnded() {
    const rating = createRatingForm({
      prompt: this.config.texts.rating_prompt,
      onRate: (stars, feedback) => this.api.rate(this.session.conversationId, stars, feedback),
      onRestart: () => this.restart(),
    });
    this.ui.setView({ content: [this.conversationLog, rating.el], focus: rating.focus });
    this.ui.scrollToEnd(true);
  }

  // ---- conversation lifecycle --------------------------------------------------------------------

  async resume() {
    this.api.token = this.session.token;
    try {
      for (const message of await this.api.messagesAfter(this.session.conversationId, 0)) this.log.add(message);
    } catch (error) {
      if (error.status === 401 || error.status === 404) {
        // The hub no longer knows this visitor or conversation: start afresh.
        this.session.update({ visitor_token: null, conversation_id: null });
        this.api.token = null;
        this.showStart();
        return;
      }
      // Unreachable for now: the socket's catch-up fills the history once it connects.
    }
    if (this.session.resolved) this.showEnded();
    else this.showChat();
    this.updateUnread();
    this.connect();
  }

  async startConversation(details) {
    const started = await this.api.init(details);
    if (this.session.conversationId && this.session.conversationId !== started.conversation_id) this.log.clear();
    const { name, email, phone } = { ...this.session.contact, ...details };
    this.session.startConversation(started);
    this.session.update({ contact: { name, email, phone } });
    this.api.token = started.visitor_token;
    for (const message of started.messages) this.log.add(message);
    this.markSeen();
    this.connect();
    this.showChat();
  }

  /// After a resolved conversation: a new one for the same visitor (the hub knows their details already).
  async restart() {
    try {
      await this.startConversation({});
    } catch (error) {
      if (error.status !== 422) throw error;
      this.session.update({ conversation_id: null, resolved: false });
      this.log.clear();
      this.showStart();
    }
  }

  connect() {
    this.connection?.stop();
    this.connection = new ChatConnection({
      hubUrl: this.hubUrl,
      token: this.session.token,
      conversationId: this.session.conversationId,
      heldThrough: () => this.log.heldThrough,
      heartbeatMs: this.config.presence.heartbeat_s * 1000,
      handlers: {
        onMessages: (messages) => this.receive(messages),
        onAgentTyping: (typing) => this.showAgentTyping(typing),
        onResolved: () => this.resolved(),
        onLinkChange: (up) => this.ui.setLinkUp(up),
      },
    });
    this.connection.start();
  }

  resolved() {
    if (this.session.resolved) return;
    this.session.update({ resolved: true });
    this.hideAgentTyping();
    this.ui.closeDialog();
    this.showEnded();
  }

  // ---- messages ----------------------------------------------------------------------------------

  async send(text) {
    const clientMsgId = newClientMsgId();
    this.log.addPending(clientMsgId, text);
    this.ui.scrollToEnd(true);
    await this.deliver(clientMsgId, text);
  }

  /// Sends (or re-sends: the same client_msg_id never makes a second message) and confirms with the ack.
  async deliver(clientMsgId, text) {
    try {
      // Without a pre-chat form the first message starts the conversation.
      if (!this.session.conversationId) await this.startConversation({});
      this.log.add(await this.connection.send(text, clientMsgId));
      this.markSeen();
    } catch (error) {
      if (error.code === 'conversation_closed') this.resolved();
      const reason = error.code === 'network_error' ? 'no connection' : error.message;
      this.log.markFailed(clientMsgId, reason, () => this.deliver(clientMsgId, text));
    }
  }

  receive(messages) {
    let added = 0;
    let fromTeam = 0;
    for (const message of messages) {
      if (!this.log.add(message)) continue;
      added += 1;
      if (isFromTeam(message.sender_type)) fromTeam += 1;
    }
    if (added > 0) this.ui.scrollToEnd();
    if (fromTeam === 0) return;
    this.hideAgentTyping();
    if (this.session.resolved) {
      // An agent wrote after resolving: the conversation is open again.
      this.session.update({ resolved: false });
      this.showChat();
    }
    if (!this.session.muted) playChime();
    if (this.ui.isOpen && document.visibilityState === 'visible') this.markSeen();
    else this.updateUnread();
  }

  markSeen() {
    this.session.update({ seen_seq: Math.max(this.session.seenSeq, this.log.heldThrough) });
    this.ui.setUnread(0);
  }

  updateUnread() {
    this.ui.setUnread(this.log.countFromTeamAfter(this.session.seenSeq));
  }

  showAgentTyping({ agent_name: name, is_typing: isTyping }) {
    clearTimeout(this.typingTimer);
    if (!isTyping) {
      this.hideAgentTyping();
      return;
    }
    this.typingLine.replaceChildren(h('span', { class: 'sb-dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      `${name || 'An agent'} is typing…`);
    this.typingLine.hidden = false;
    this.ui.scrollToEnd();
    this.typingTimer = setTimeout(() => this.hideAgentTyping(), AGENT_TYPING_TIMEOUT_MS);
  }

  hideAgentTyping() {
    clearTimeout(this.typingTimer);
    this.typingLine.hidden = true;
  }

  // ---- handover ----------------------------------------------------------------------------------

  openHandover() {
    const dialog = createHandoverDialog({
      config: this.config,
      openNow: this.openNow,
      contact: this.session.contact,
      onSubmit: async (method, details) => {
        const accepted = await this.api.requestHandover({
          conversation_id: this.session.conversationId,
          requested_method: method,
          visitor_name: details.name,
          visitor_email: details.email,
          visitor_phone: details.phone,
        });
        this.session.update({ contact: { ...this.session.contact, ...details } });
        // The hub stored the confirmation as the conversation's next message (a request that was already open
        // has its own there): the transcript shows it once, whether this answer or the live event comes first.
        if (accepted.notice) this.receive([accepted.notice]);
      },
      onClose: () => this.ui.closeDialog(),
    });
    this.ui.showDialog(dialog, this.handoverButton);
  }
}

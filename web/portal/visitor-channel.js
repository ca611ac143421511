// Where a conversation's visitor is reached: in the widget only, or also through an external channel (WhatsApp,
// email...) at an address, where agents' replies are then delivered. Agents change it among the channels the hub
// says reach this visitor; the hub's answer (and the conversation:updated that follows) updates the inbox.
import { api } from './api.js';
import { h, replaceChildren, showFieldError, uid } from './dom.js';

const WIDGET_ONLY = '';

/// The conversation's external channel { channel, display_name, address }, or null: the widget only (also when the
/// hub does not say).
export function visitorChannel(conversation) {
  return conversation.visitor_channel ?? null;
}

/// "WhatsApp · +447700900123"
export function channelLabel(channel) {
  return `${channel.display_name} · ${channel.address}`;
}

/// Where a reply goes, in words: "Replying by WhatsApp · +447700900123" or "Replying in the widget only".
export function reachText(conversation) {
  const channel = visitorChannel(conversation);
  return channel ? `Replying by ${channelLabel(channel)}` : 'Replying in the widget only';
}

/// The external channels to offer: the hub's options, with the current channel first should they leave it out.
export function channelChoices(conversation) {
  const options = conversation.visitor_channel_options ?? [];
  const current = visitorChannel(conversation);
  return current && !options.some((option) => option.channel === current.channel) ? [current, ...options] : options;
}

/// The "Reply by" control: the visitor's channels and "Widget only"; absent while the visitor has no channel but the
/// widget. A refusal (the visitor cannot be reached there) shows under it.
export class VisitorChannelControl {
  constructor({ store }) {
    this._store = store;
    this._conversation = null;
    const selectId = uid('visitor-channel');
    this.select = h('select', { id: selectId, onchange: () => this._change(this.select.value) });
    this._slot = { input: this.select, error: h('p', { class: 'field-error', id: `${selectId}-error`, role: 'alert', hidden: true }) };
    this.select.setAttribute('aria-describedby', this._slot.error.id);
    this.element = h('div', { class: 'visitor-channel' },
      h('div', { class: 'inline-field' }, h('label', { for: selectId }, 'Reply by'), this.select),
      this._slot.error);
  }

  render(conversation) {
    this._conversation = conversation;
    const choices = channelChoices(conversation);
    // Other changes to the conversation leave the list alone (rebuilding it would close it under the agent's pointer).
    const shown = JSON.stringify(choices);
    if (shown !== this._shown) {
      this._shown = shown;
      this.element.hidden = choices.length === 0;
      replaceChildren(this.select,
        choices.map((choice) => h('option', { value: choice.channel }, channelLabel(choice))),
        h('option', { value: WIDGET_ONLY }, 'Widget only'));
    }
    this.select.value = visitorChannel(conversation)?.channel ?? WIDGET_ONLY;
  }

  async _change(value) {
    const conversationId = this._conversation.id;
    showFieldError(this._slot, null);
    this.select.disabled = true;
    try {
      this._store.upsert(await api.updateConversation(conversationId, { visitor_channel: value === WIDGET_ONLY ? null : value }));
    } catch (error) {
      showFieldError(this._slot, error.message);
      this.render(this._conversation);
    } finally {
      this.select.disabled = false;
    }
  }
}

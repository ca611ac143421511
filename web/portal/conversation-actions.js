// The conversation's controls: take over, assign / transfer, resolve / reopen, priority and tags. Each change
// goes to the hub; the answer (and the socket event that follows) updates the inbox.
import { api } from './api.js';
import { h, replaceChildren, uid } from './dom.js';
import { capitalise } from './format.js';
import { icon } from './icons.js';
import { session } from './session.js';
import { toastError } from './toast.js';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const UNASSIGNED = '';

export class ConversationActions {
  constructor({ store, agents }) {
    this._store = store;
    this._agents = agents;
    this._conversation = null;

    const assigneeId = uid('assignee');
    this.assignee = h('select', { id: assigneeId, onchange: () => this._assignTo(this.assignee.value) });
    const priorityId = uid('priority');
    this.priority = h('select', { id: priorityId, onchange: () => this._update({ priority: this.priority.value }) },
      PRIORITIES.map((value) => h('option', { value }, capitalise(value))));
    this.takeOver = h('button', { type: 'button', class: 'button primary small', onclick: () => this._assignTo(session.agent.id) },
      'Take over');
    this.resolveButton = h('button', { type: 'button', class: 'button small', onclick: () => this._toggleResolved() });

    this.toolbar = h('div', { class: 'conversation-toolbar' },
      h('div', { class: 'inline-field' }, h('label', { for: assigneeId }, 'Assigned to'), this.assignee),
      h('div', { class: 'inline-field' }, h('label', { for: priorityId }, 'Priority'), this.priority),
      h('div', { class: 'toolbar-buttons' }, this.takeOver, this.resolveButton));

    const tagInputId = uid('tag');
    this.tagList = h('ul', { class: 'tag-list', 'aria-label': 'Tags' });
    this.tagInput = h('input', { id: tagInputId, type: 'text', class: 'tag-input', placeholder: 'Add tag', maxlength: '50',
      onkeydown: (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          this._addTag();
        }
      } });
    this.tags = h('div', { class: 'tags-row' }, this.tagList,
      h('label', { for: tagInputId, class: 'visually-hidden' }, 'Add tag'), this.tagInput);
  }

  render(conversation) {
    this._conversation = conversation;
    const mine = conversation.assigned_agent_id === session.agent?.id;
    const choices = this._agents.servingWidget(conversation.widget_id);
    if (conversation.assigned_agent_id && !choices.some((agent) => agent.id === conversation.assigned_agent_id)) {
      choices.unshift({ id: conversation.assigned_agent_id, display_name: this._agents.name(conversation.assigned_agent_id) });
    }
    replaceChildren(this.assignee,
      h('option', { value: UNASSIGNED, disabled: Boolean(conversation.assigned_agent_id) }, 'Unassigned'),
      choices.map((agent) => h('option', { value: agent.id },
        agent.id === session.agent?.id ? `${agent.display_name} (you)` : agent.display_name,
        agent.id === session.agent?.id ? '' : ` · ${this._agents.status(agent.id)}`)));
    this.assignee.value = conversation.assigned_agent_id ?? UNASSIGNED;
    this.priority.value = conversation.priority;
    this.takeOver.hidden = mine;
    this.takeOver.textContent = conversation.assigned_agent_id ? 'Take over' : 'Assign to me';
    const done = ['resolved', 'closed'].includes(conversation.status);
    this.resolveButton.replaceChildren(done ? 'Reopen' : h('span', { class: 'with-icon' }, icon('check', 16), 'Resolve'));
    this.resolveButton.disabled = conversation.status === 'closed';
    replaceChildren(this.tagList, conversation.tags.map((tag) => h('li', { class: 'tag' }, h('span', {}, tag),
      h('button', { type: 'button', class: 'tag-remove', 'aria-label': `Remove tag ${tag}`, onclick: () => this._removeTag(tag) },
        icon('close', 12)))));
  }

  async _run(action, what) {
    try {
      const conversation = await action();
      this._store.upsert(conversation);
    } catch (error) {
      toastError(`Could not ${what}`, error);
      if (this._conversation) this.render(this._conversation);
    }
  }

  _assignTo(agentId) {
    const conversation = this._conversation;
    if (!agentId || agentId === conversation.assigned_agent_id) return;
    // Moving an assigned conversation is a transfer, so the previous agent is told.
    const action = conversation.assigned_agent_id
      ? () => api.transfer(conversation.id, agentId) : () => api.assign(conversation.id, agentId);
    this._run(action, conversation.assigned_agent_id ? 'transfer' : 'assign');
  }

  _toggleResolved() {
    const conversation = this._conversation;
    const done = ['resolved', 'closed'].includes(conversation.status);
    this._run(() => (done ? api.reopen(conversation.id) : api.resolve(conversation.id)), done ? 'reopen' : 'resolve');
  }

  _update(changes) {
    this._run(() => api.updateConversation(this._conversation.id, changes), 'save the change');
  }

  /// Tag changes replace the whole list, so they run one after another, each on the list the last one left.
  _changeTags(change) {
    this._tagQueue = (this._tagQueue ?? Promise.resolve()).then(() => {
      const tags = change(this._conversation.tags);
      if (tags.join('\n') === this._conversation.tags.join('\n')) return null;
      return this._run(() => api.updateConversation(this._conversation.id, { tags }), 'save the tags');
    });
  }

  _addTag() {
    const tag = this.tagInput.value.trim();
    if (!tag) return;
    this.tagInput.value = '';
    this._changeTags((tags) => (tags.includes(tag) ? tags : [...tags, tag]));
  }

  _removeTag(tag) {
    this._changeTags((tags) => tags.filter((existing) => existing !== tag));
  }
}

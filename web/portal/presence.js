// The agent's own presence: the status selector and "viewing conversation X", both reported to the hub.
import { api } from './api.js';
import { h } from './dom.js';
import { ask } from './realtime.js';
import { session } from './session.js';

export const STATUSES = ['online', 'away', 'busy', 'offline'];

export class AgentPresence {
  constructor(socket) {
    this._socket = socket;
    this._viewing = null;
    this.select = h('select', { id: 'agent-status', class: 'status-select', 'aria-label': 'Your status',
      onchange: () => this.setStatus(this.select.value) },
    STATUSES.map((status) => h('option', { value: status }, status[0].toUpperCase() + status.slice(1))));
    this._show(session.agent?.status ?? 'offline');

    socket.on('agent:status_changed', ({ agent_id: agentId, status }) => {
      if (agentId === session.agent?.id) this._show(status);
    });
    socket.on('connect', () => {
      if (this._viewing && !document.hidden) socket.emit('agent:viewing', this._viewing);
    });
    // An agent who switched to another tab is not looking at the conversation any more.
    document.addEventListener('visibilitychange', () => {
      if (!this._viewing) return;
      socket.emit(document.hidden ? 'agent:stop_viewing' : 'agent:viewing', this._viewing);
    });
  }

  _show(status) {
    this.select.value = status;
    this.select.dataset.status = status;
    if (session.agent) session.agent.status = status;
  }

  async setStatus(status) {
    const previous = session.agent?.status;
    this._show(status);
    try {
      if (this._socket.connected) await ask(this._socket, 'agent:set_status', status);
      else await api.setStatus(status);
    } catch {
      this._show(previous ?? 'offline');
    }
  }

  view(conversationId) {
    if (this._viewing === conversationId) return;
    this.stopViewing();
    this._viewing = conversationId;
    if (!document.hidden) {
      if (!this._socket.emit('agent:viewing', conversationId)) api.startViewing(conversationId).catch(() => {});
    }
  }

  stopViewing() {
    if (!this._viewing) return;
    const conversationId = this._viewing;
    this._viewing = null;
    if (!this._socket.emit('agent:stop_viewing', conversationId)) api.stopViewing(conversationId).catch(() => {});
  }
}

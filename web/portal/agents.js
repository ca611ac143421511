// The team, for names in the inbox and the assign / transfer choices, with who is present right now; and the
// widgets the signed-in agent serves.
import { api } from './api.js';

export class AgentDirectory {
  constructor(socket) {
    this._agents = new Map();
    this._present = new Map();
    this._widgets = [];
    socket.on('agent:status_changed', ({ agent_id: agentId, status }) => {
      if (status === 'offline') this._present.delete(agentId);
      else this._present.set(agentId, status);
    });
  }

  async load() {
    const [{ agents }, { agents: present }, { widgets }] = await Promise.all([
      api.agents(),
      api.presentAgents().catch(() => ({ agents: [] })),
      api.widgets().catch(() => ({ widgets: [] })),
    ]);
    this._agents = new Map(agents.map((agent) => [agent.id, agent]));
    this._present = new Map(present.map((agent) => [agent.agent_id, agent.status]));
    this._widgets = widgets;
  }

  name(agentId) {
    return this._agents.get(agentId)?.display_name ?? 'Another agent';
  }

  /// 'online' | 'away' | 'busy' | 'offline'
  status(agentId) {
    return this._present.get(agentId) ?? 'offline';
  }

  /// Active agents who serve the widget (admins serve every widget).
  servingWidget(widgetId) {
    return [...this._agents.values()]
      .filter((agent) => agent.active && (agent.role === 'admin' || agent.widgets.includes(widgetId)))
      .sort((a, b) => a.display_name.localeCompare(b.display_name));
  }

  /// The widgets the signed-in agent serves (every one for an admin), by id: [{ id, name }].
  widgets() {
    return this._widgets;
  }
}

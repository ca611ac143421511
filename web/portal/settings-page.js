// Settings (admins): a widget's handover block.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { handoverForm } from './handover-form.js';
import { widgetPicker } from './widget-picker.js';

/// [{ name, plugin, description }] for every channel instance, in the order plugins and instances are listed.
function channelsOf({ plugins }) {
  return plugins.flatMap((plugin) => plugin.instances.map((name) => ({ name, plugin: plugin.name, description: plugin.channel })));
}

export function settingsPage({ agents }) {
  const body = h('div', { class: 'settings-body' });

  async function load(widgetId) {
    if (!widgetId) {
      replaceChildren(body, h('div', { class: 'card empty-state' }, h('p', {}, 'There is no widget to configure: add one under widgets/ in the hub’s configuration.')));
      return;
    }
    replaceChildren(body, h('p', { class: 'muted' }, 'Loading…'));
    try {
      // The channel instances the hub loaded, each with what its plugin says about itself (GET /api/plugins).
      const channels = channelsOf(await api.plugins());
      const show = (config) => replaceChildren(body, handoverForm(widgetId, config, { channels, onSaved: show }));
      show(await api.handoverConfig(widgetId));
    } catch (error) {
      replaceChildren(body, h('div', { class: 'card' }, h('p', { class: 'error-text' },
        error.status === 404 ? `There is no widget “${widgetId}”.` : error.message)));
    }
  }

  const picker = widgetPicker({ agents, onChange: load });
  load(picker.value);
  return h('div', { class: 'page' },
    h('header', { class: 'page-header' },
      h('div', {}, h('h1', {}, 'Settings'), h('p', { class: 'muted' }, 'Changes are written to the widget’s configuration file and apply at once.')),
      picker.element),
    body);
}

// Choosing one of the widgets the signed-in agent serves (GET /api/widgets), shown by name.
import { h, uid } from './dom.js';

/// { element, value } — calls onChange(widgetId) when the choice changes. allowAll adds "All widgets" ('').
export function widgetPicker({ agents, onChange, allowAll = false, label = 'Widget' }) {
  const widgets = agents.widgets();
  const selectId = uid('widget');
  const select = h('select', { id: selectId },
    allowAll ? h('option', { value: '' }, 'All widgets') : null,
    widgets.map((widget) => h('option', { value: widget.id }, widget.name ? `${widget.name} (${widget.id})` : widget.id)));
  const picker = {
    value: allowAll ? '' : widgets[0]?.id ?? '',
    element: h('div', { class: 'widget-picker inline-field' }, h('label', { for: selectId }, label), select),
  };
  select.addEventListener('change', () => {
    picker.value = select.value;
    onChange(select.value);
  });
  return picker;
}

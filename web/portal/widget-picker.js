// Choosing a widget by id. The hub has no endpoint listing widgets, so the choices are the widgets the team
// serves; "Another widget…" takes any id.
import { h, uid } from './dom.js';

const OTHER = '__other__';

/// { element, value } — calls onChange(widgetId) when the choice changes. allowAll adds "All widgets" ('').
export function widgetPicker({ agents, onChange, allowAll = false, label = 'Widget' }) {
  const ids = agents.knownWidgetIds();
  const selectId = uid('widget');
  const otherId = uid('widget-other');
  const select = h('select', { id: selectId },
    allowAll ? h('option', { value: '' }, 'All widgets') : null,
    ids.map((id) => h('option', { value: id }, id)),
    h('option', { value: OTHER }, 'Another widget…'));
  const other = h('input', { id: otherId, type: 'text', placeholder: 'widget id', autocomplete: 'off' });
  const open = h('button', { type: 'button', class: 'button small' }, 'Open');
  const otherBox = h('span', { class: 'inline-field', hidden: true },
    h('label', { for: otherId, class: 'visually-hidden' }, 'Widget id'), other, open);

  const picker = {
    value: allowAll ? '' : ids[0] ?? '',
    element: h('div', { class: 'widget-picker inline-field' }, h('label', { for: selectId }, label), select, otherBox),
  };
  const choose = (value) => {
    picker.value = value;
    onChange(value);
  };
  select.addEventListener('change', () => {
    otherBox.hidden = select.value !== OTHER;
    if (select.value === OTHER) other.focus();
    else choose(select.value);
  });
  const openOther = () => other.value.trim() && choose(other.value.trim());
  open.addEventListener('click', openOther);
  other.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      openOther();
    }
  });
  if (!allowAll && ids.length === 0) {
    select.value = OTHER;
    otherBox.hidden = false;
  }
  return picker;
}

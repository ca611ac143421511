// Labelled form fields with an error line under each, shared by the pre-chat form and the handover dialog.
import { h, uniqueId } from './dom.js';
import { fieldProblem, normalisePhone } from './field-checks.js';

const INPUT_KINDS = {
  name: { type: 'text', autocomplete: 'name' },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email', spellcheck: 'false' },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel', placeholder: '+447700900123' },
  text: { type: 'text' },
};

/// spec: {name, label, type, required, max_length}; returns {el, spec, input, value(), check(), showError()}.
export function createField(spec, initialValue = '') {
  const id = uniqueId(`field-${spec.name}`);
  const errorId = `${id}-error`;
  const input = spec.type === 'textarea'
    ? h('textarea', { id, rows: '3' })
    : h('input', { id, ...(INPUT_KINDS[spec.type] ?? INPUT_KINDS.text) });
  input.name = spec.name;
  input.value = initialValue;
  if (spec.required) input.setAttribute('aria-required', 'true');
  const error = h('p', { class: 'sb-field-error', id: errorId, hidden: true });
  const label = h('label', { for: id, class: 'sb-label' }, spec.label,
    spec.required ? h('span', { class: 'sb-required', 'aria-hidden': 'true', text: ' *' }) : null);

  const field = {
    el: h('div', { class: 'sb-field' }, label, input, error),
    spec,
    input,
    value() {
      const value = input.value.trim();
      return spec.name === 'phone' ? normalisePhone(value) : value;
    },
    showError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', errorId);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    },
    /// Runs the client-side checks; shows and returns the problem, or null.
    check() {
      const problem = fieldProblem(spec, input.value);
      field.showError(problem);
      return problem;
    },
  };
  input.addEventListener('input', () => {
    if (input.hasAttribute('aria-invalid')) field.showError(null);
  });
  return field;
}

/// Checks every field; focuses the first one at fault. True when all are fine.
export function checkFields(fields) {
  const wrong = fields.filter((field) => field.check() !== null);
  wrong[0]?.input.focus();
  return wrong.length === 0;
}

/// Shows the hub's 422 next to the field it names ("email", "custom.order_number"); false when no field matches.
export function showServerError(fields, error) {
  const name = error.field?.startsWith('custom.') ? error.field.slice('custom.'.length) : error.field;
  const field = fields.find((candidate) => candidate.spec.name === name);
  if (!field) return false;
  field.showError(error.message);
  field.input.focus();
  return true;
}

/// A button that shows it is busy while `work` runs.
export async function whileBusy(button, busyText, work) {
  const idleText = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = idleText;
  }
}

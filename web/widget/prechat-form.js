// The form a visitor fills in before the first message, built from the widget's pre-chat fields.
import { h } from './dom.js';
import { checkFields, createField, showServerError, whileBusy } from './form-fields.js';

const CONTACT_FIELDS = new Set(['name', 'email', 'phone']);

/// onSubmit({name?, email?, phone?, custom}) may throw an ApiError; a 422 is shown next to its field.
export function createPrechatForm({ intro, fields: specs, contact, onSubmit }) {
  const fields = specs.map((spec) => createField(spec, contact[spec.name] ?? ''));
  const formError = h('p', { class: 'sb-form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'sb-primary-button', text: 'Start chat' });
  const form = h('form', { class: 'sb-prechat', novalidate: true },
    h('p', { class: 'sb-intro', text: intro }),
    fields.map((field) => field.el),
    formError,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.hidden = true;
    if (!checkFields(fields)) return;
    const details = { custom: {} };
    for (const field of fields) {
      const value = field.value();
      if (!value) continue;
      if (CONTACT_FIELDS.has(field.spec.name)) details[field.spec.name] = value;
      else details.custom[field.spec.name] = value;
    }
    try {
      await whileBusy(submit, 'Starting…', () => onSubmit(details));
    } catch (error) {
      if (error.status === 422 && showServerError(fields, error)) return;
      formError.textContent = error.message;
      formError.hidden = false;
    }
  });

  return { el: form, focus: () => (fields[0]?.input ?? submit).focus() };
}

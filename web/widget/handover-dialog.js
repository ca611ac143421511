// "Talk to a person": the visitor picks one of the widget's handover methods and gives only the contact details
// that method needs. Once the hub has accepted the request the dialog closes: the method's confirmation is a
// message of the conversation, shown in the transcript like any other.
import { h, iconButton, uniqueId } from './dom.js';
import { checkFields, createField, showServerError, whileBusy } from './form-fields.js';

const CONTACT_SPECS = {
  name: { name: 'name', label: 'Your name', type: 'name', required: true, max_length: 200 },
  email: { name: 'email', label: 'Email address', type: 'email', required: true, max_length: 254 },
  phone: { name: 'phone', label: 'Phone number', type: 'phone', required: true, max_length: 16 },
};

/// Methods to offer: when nobody is there to chat (closed), the live-chat method goes last, the others first.
function offeredMethods(methods, openNow) {
  if (openNow) return methods;
  return [...methods.filter((m) => m.method !== 'portal'), ...methods.filter((m) => m.method === 'portal')];
}

/// Returns {el, focus}; onSubmit(method, details) resolves once the hub accepted the request or throws an
/// ApiError; onClose() is called when the visitor closes the dialog, and after an accepted request.
export function createHandoverDialog({ config, openNow, contact, onSubmit, onClose }) {
  const titleId = uniqueId('handover-title');
  const methods = offeredMethods(config.handover.methods, openNow);
  const defaultMethod = openNow && methods.some((m) => m.method === config.handover.default_method)
    ? config.handover.default_method : methods[0]?.method;
  let chosen = defaultMethod;
  let fields = [];

  const close = iconButton('close', 'Close dialog', { onclick: () => onClose() });
  const dialog = h('div', { class: 'sb-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId });
  const header = h('div', { class: 'sb-dialog-header' }, h('h3', { id: titleId, class: 'sb-dialog-title', text: config.texts.handover_button }), close);

  const notice = openNow ? null : h('p', { class: 'sb-notice', text: config.texts.offline });
  const fieldBox = h('div', { class: 'sb-handover-fields' });
  const formError = h('p', { class: 'sb-form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'sb-primary-button', text: 'Send request' });
  const cancel = h('button', { type: 'button', class: 'sb-secondary-button', text: 'Cancel', onclick: () => onClose() });
  const radioName = uniqueId('method');
  const choices = h('fieldset', { class: 'sb-choices' },
    h('legend', { class: 'sb-legend', text: 'How would you like to reach us?' }),
    methods.map((method) => {
      const id = uniqueId('method-option');
      const radio = h('input', { type: 'radio', id, name: radioName, value: method.method, checked: method.method === chosen });
      radio.addEventListener('change', () => {
        chosen = method.method;
        renderFields();
      });
      return h('div', { class: 'sb-choice' }, radio, h('label', { for: id, text: method.label }));
    }));
  choices.hidden = methods.length < 2;

  function renderFields() {
    const method = methods.find((m) => m.method === chosen);
    fields = (method?.requires ?? []).filter((name) => CONTACT_SPECS[name]).map((name) => createField(CONTACT_SPECS[name], contact[name] ?? ''));
    const hint = fields.length ? h('p', { class: 'sb-hint', text: 'So that we can get back to you:' }) : null;
    fieldBox.replaceChildren(...[hint, ...fields.map((field) => field.el)].filter(Boolean));
    formError.hidden = true;
  }
  renderFields();

  const form = h('form', { class: 'sb-dialog-form', novalidate: true },
    notice, choices, fieldBox, formError, h('div', { class: 'sb-dialog-actions' }, cancel, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.hidden = true;
    if (!chosen || !checkFields(fields)) return;
    const details = Object.fromEntries(fields.map((field) => [field.spec.name, field.value()]));
    try {
      await whileBusy(submit, 'Sending…', () => onSubmit(chosen, details));
    } catch (error) {
      if (error.status === 422 && showServerError(fields, { ...error, field: error.field?.replace(/^visitor_/, '') })) return;
      formError.textContent = error.message;
      formError.hidden = false;
      return;
    }
    onClose();
  });

  dialog.append(header, form);
  return {
    el: dialog,
    focus: () => (dialog.querySelector('input:checked') ?? fields[0]?.input ?? submit).focus(),
  };
}

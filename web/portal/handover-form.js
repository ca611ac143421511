// The handover block of one widget as a form: on/off, default method, attempts, and each method with its
// channel (one of the hub's channel instances), label, required details, confirmation and the settings its channel
// describes, each with the channel's one-line description. Saved with PUT /api/handover/config/{widget}; a 422
// names the YAML key at fault and its message appears at that field.
import { api } from './api.js';
import { field, h, replaceChildren, showFieldError, uid } from './dom.js';
import { clearErrors, showApiError } from './form-errors.js';
import { icon } from './icons.js';
import { toast } from './toast.js';
import { methodTester, SECRET_MASK } from './method-tester.js';

const CONTACT_FIELDS = ['name', 'email', 'phone'];

/// channels: [{ name, plugin, description }], the hub's channel instances and what their plugins describe.
export function handoverForm(widgetId, config, { channels, onSaved }) {
  const fields = {};
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const methodCards = h('div', { class: 'method-list' });
  const methods = [];

  const enabled = h('input', { type: 'checkbox', id: uid('enabled'), checked: config.enabled });
  const enabledError = h('p', { class: 'field-error', hidden: true });
  fields['handover.enabled'] = { input: enabled, error: enabledError };
  const defaultMethod = field({ label: 'Default method', name: 'default-method', input: h('select', {}),
    hint: 'Used when the visitor does not choose.' });
  fields['handover.default_method'] = defaultMethod;
  const maxAttempts = field({ label: 'Delivery attempts', name: 'max-attempts',
    input: h('input', { type: 'number', min: '1', max: '20', value: String(config.max_attempts) }),
    hint: 'Tries of each delivery before it is marked failed (1–20).' });
  fields['handover.max_attempts'] = maxAttempts;

  function refreshDefaultChoices() {
    const current = defaultMethod.input.value || config.default_method;
    replaceChildren(defaultMethod.input, methods.map((method) => h('option', { value: method.name }, method.name)));
    defaultMethod.input.value = methods.some((method) => method.name === current) ? current : methods[0]?.name ?? '';
  }

  /// savedIn: the widget id when the method is saved on the hub (not one just added in this form).
  function addMethodCard(method, savedIn = null) {
    const entry = methodEditor(method, channels, fields, savedIn, () => {
      methods.splice(methods.indexOf(entry), 1);
      entry.element.remove();
      refreshDefaultChoices();
    });
    methods.push(entry);
    methodCards.append(entry.element);
    refreshDefaultChoices();
  }
  for (const method of config.methods ?? []) addMethodCard(method, widgetId);

  const newName = field({ label: 'Method name', name: 'new-method', input: h('input', { type: 'text', placeholder: 'e.g. crm' }) });
  const newChannel = field({ label: 'Channel', name: 'new-channel', input: channelSelect(channels, channels[0]?.name ?? '') });
  const addMethod = () => {
    const name = newName.input.value.trim();
    const channel = newChannel.input.value;
    showFieldError(newName, null);
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) return showFieldError(newName, 'Lowercase letters, digits, - and _.');
    if (methods.some((method) => method.name === name)) return showFieldError(newName, 'There is already a method of this name.');
    addMethodCard({ name, channel, settings: {} });
    newName.input.value = '';
  };

  const save = h('button', { type: 'submit', class: 'button primary' }, 'Save changes');
  const form = h('form', { class: 'stack', novalidate: true, 'aria-label': `Handover settings for ${widgetId}`,
    onsubmit: async (event) => {
      event.preventDefault();
      clearErrors(fields, general);
      const body = {
        enabled: enabled.checked,
        default_method: defaultMethod.input.value,
        max_attempts: Number(maxAttempts.input.value),
        methods: methods.map((method) => method.value()),
      };
      save.disabled = true;
      save.textContent = 'Saving…';
      try {
        const saved = await api.saveHandoverConfig(widgetId, body);
        toast('Handover settings saved. They apply at once.');
        onSaved(saved);
      } catch (error) {
        showApiError(error, fields, general);
      } finally {
        save.disabled = false;
        save.textContent = 'Save changes';
      }
    } },
  h('section', { class: 'card' },
    h('h2', {}, 'Handover'),
    h('p', { class: 'muted' }, 'How visitors reach a person when they press “Talk to a person”.'),
    h('div', { class: 'field checkbox-field' }, enabled,
      h('label', { for: enabled.id }, 'Let visitors ask for a person'), enabledError),
    h('div', { class: 'form-grid' }, defaultMethod.wrapper, maxAttempts.wrapper)),
  h('section', { class: 'card' },
    h('h2', {}, 'Methods'),
    h('p', { class: 'muted' }, 'Shown to the visitor in this order. Each uses a channel configured on the hub.'),
    methodCards,
    h('div', { class: 'add-method' }, newName.wrapper, newChannel.wrapper,
      h('button', { type: 'button', class: 'button', onclick: addMethod }, h('span', { class: 'with-icon' }, icon('plus', 16), 'Add method')))),
  general,
  h('div', { class: 'form-actions sticky-actions' }, save));
  return form;
}

/// A <select> of the channel instances, each shown with its channel's name; a method's channel that the hub does
/// not run (any more) stays selectable, so that saving shows the hub's error at the field.
function channelSelect(channels, current) {
  const options = channels.map(({ name, description }) =>
    h('option', { value: name }, description.display_name === name ? name : `${name} (${description.display_name})`));
  if (current && !channels.some(({ name }) => name === current)) options.push(h('option', { value: current }, current));
  const select = h('select', {}, options);
  select.value = current;
  return select;
}

/// The settings a method's channel reads, with the channel's descriptions, then any other key the method has.
function settingsOf(channel, values) {
  const described = channel?.description.method_settings ?? [];
  const others = Object.keys(values).filter((name) => !described.some(({ key }) => key === name))
    .map((key) => ({ key, description: '', required: false, secret: /secret|password|token|key/.test(key) }));
  return [...described, ...others];
}

/// One method's editor: { name, element, value() }, registering its inputs under their YAML keys in `fields`.
function methodEditor(method, channels, fields, savedIn, onRemove) {
  const key = (name) => `handover.methods.${method.name}.${name}`;
  const channel = field({ label: 'Channel', input: channelSelect(channels, method.channel ?? '') });
  const label = field({ label: 'Label', input: h('input', { type: 'text', value: method.label ?? '' }), hint: 'What the visitor reads.' });
  const confirmation = field({ label: 'Confirmation', input: h('input', { type: 'text', value: method.confirmation ?? '' }),
    hint: 'Shown once the request is accepted.' });
  const requires = CONTACT_FIELDS.map((name) => ({
    name, input: h('input', { type: 'checkbox', id: uid(`requires-${name}`), checked: (method.requires ?? []).includes(name) }),
  }));
  const requiresError = h('p', { class: 'field-error', hidden: true });
  Object.assign(fields, { [key('channel')]: channel, [key('label')]: label, [key('confirmation')]: confirmation,
    [key('requires')]: { input: requires[0].input, error: requiresError } });

  // The settings area follows the channel chosen; values typed so far are kept for keys the new channel reads.
  let settings = [];
  const settingsGrid = h('div', { class: 'form-grid' });
  function showSettings(values) {
    for (const { name } of settings) delete fields[key(name)];
    const chosen = channels.find(({ name }) => name === channel.input.value);
    settings = settingsOf(chosen, values).map(({ key: name, description, secret }) => {
      const value = values[name] ?? '';
      const hint = [description, secret && savedIn && value === SECRET_MASK ? 'Leave ******** to keep the saved one.' : null]
        .filter(Boolean).join(' ');
      const slot = field({ label: name, input: h('input', {
        type: secret ? 'password' : 'text', value, autocomplete: secret ? 'new-password' : 'off', spellcheck: 'false' }),
      hint: hint || null });
      fields[key(name)] = slot;
      return { name, slot };
    });
    replaceChildren(settingsGrid, settings.map(({ slot }) => slot.wrapper));
    settingsGrid.hidden = settings.length === 0;
  }
  const currentValues = () => Object.fromEntries(settings.map(({ name, slot }) => [name, slot.input.value.trim()]));
  showSettings(method.settings ?? {});
  channel.input.addEventListener('change', () => showSettings(currentValues()));
  // A method saved on the hub (its secrets masked) is tested with its saved settings as the base.
  const saved = savedIn ? { widgetId: savedIn, method: method.name } : null;
  const tester = methodTester(() => channel.input.value, () => settings, saved);

  const element = h('fieldset', { class: 'method-card' },
    h('legend', {}, method.name),
    h('div', { class: 'method-actions' },
      h('button', { type: 'button', class: 'button small ghost danger', 'aria-label': `Remove method ${method.name}`, onclick: onRemove },
        h('span', { class: 'with-icon' }, icon('trash', 14), 'Remove'))),
    h('div', { class: 'form-grid' }, channel.wrapper, label.wrapper),
    confirmation.wrapper,
    h('div', { class: 'field' }, h('span', { class: 'field-label' }, 'Visitor must give'),
      h('div', { class: 'checkbox-row', role: 'group', 'aria-label': `Details ${method.name} requires` },
        requires.map(({ name, input }) => h('span', { class: 'checkbox-field' }, input, h('label', { for: input.id }, name)))),
      requiresError),
    settingsGrid,
    h('div', { class: 'tester' }, tester.button, tester.result));

  return {
    name: method.name,
    element,
    value() {
      const value = { name: method.name, channel: channel.input.value };
      if (label.input.value.trim()) value.label = label.input.value.trim();
      if (confirmation.input.value.trim()) value.confirmation = confirmation.input.value.trim();
      value.requires = requires.filter(({ input }) => input.checked).map(({ name }) => name);
      value.settings = Object.fromEntries(Object.entries(currentValues()).filter(([, text]) => text !== ''));
      return value;
    },
  };
}


// Canned responses: the list, and a form to create or edit one; delete asks for a second click.
import { api } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { capitalise } from './format.js';
import { icon } from './icons.js';
import { clearErrors, showApiError } from './form-errors.js';
import { session } from './session.js';
import { toast, toastError } from './toast.js';

export function cannedResponsesPage({ agents }) {
  const table = h('div', { class: 'card table-card' });
  const formCard = h('div', { class: 'card form-card', hidden: true });
  const newButton = h('button', { type: 'button', class: 'button primary', onclick: () => openForm(null) },
    h('span', { class: 'with-icon' }, icon('plus', 16), 'New canned response'));
  let items = [];

  async function load() {
    try {
      items = (await api.cannedResponses()).canned_responses;
      renderTable();
    } catch (error) {
      replaceChildren(table, h('p', { class: 'error-text' }, error.message));
    }
  }

  function renderTable() {
    if (items.length === 0) {
      replaceChildren(table, h('div', { class: 'empty-state' }, icon('zap', 28), h('p', {}, 'No canned responses yet.'),
        h('p', { class: 'muted' }, 'Save the answers you give most often, then type their shortcut in a reply.')));
      return;
    }
    const sorted = [...items].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
    replaceChildren(table, h('table', { class: 'data-table' },
      h('thead', {}, h('tr', {}, ['Shortcut', 'Title', 'Content', 'Scope', 'Widget', 'Used', ''].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, sorted.map((item) => {
        const editable = item.scope === 'personal' || session.isAdmin;
        return h('tr', {},
          h('td', {}, h('code', { class: 'shortcut' }, item.shortcut)),
          h('td', {}, item.title),
          h('td', { class: 'content-cell' }, item.content),
          h('td', {}, capitalise(item.scope)),
          h('td', {}, item.widget_id ?? 'All widgets'),
          h('td', { class: 'numeric' }, String(item.usage_count)),
          h('td', { class: 'row-actions' }, editable ? [
            h('button', { type: 'button', class: 'button small', 'aria-label': `Edit ${item.shortcut}`, onclick: () => openForm(item) }, 'Edit'),
            deleteButton(item),
          ] : h('span', { class: 'muted small' }, 'Admins only')));
      }))));
  }

  function deleteButton(item) {
    let armed = false;
    const button = h('button', { type: 'button', class: 'button small danger', 'aria-label': `Delete ${item.shortcut}`,
      onclick: async () => {
        if (!armed) {
          armed = true;
          button.textContent = 'Confirm delete';
          button.setAttribute('aria-label', `Confirm delete ${item.shortcut}`);
          return;
        }
        try {
          await api.deleteCanned(item.id);
          toast(`Deleted ${item.shortcut}`);
          load();
        } catch (error) {
          toastError('Could not delete', error);
        }
      } }, 'Delete');
    button.addEventListener('blur', () => {
      armed = false;
      button.textContent = 'Delete';
      button.setAttribute('aria-label', `Delete ${item.shortcut}`);
    });
    return button;
  }

  function openForm(item) {
    const title = field({ label: 'Title', input: h('input', { type: 'text', maxlength: '100', value: item?.title ?? '' }) });
    const shortcut = field({ label: 'Shortcut', hint: 'A slash and up to 32 letters, digits, - or _, e.g. /refund.',
      input: h('input', { type: 'text', value: item?.shortcut ?? '/', pattern: '/[a-z0-9_-]{1,32}', autocomplete: 'off' }) });
    const content = field({ label: 'Content', input: h('textarea', { rows: '4' }) });
    content.input.value = item?.content ?? '';
    const scope = field({ label: 'Scope', input: h('select', {},
      h('option', { value: 'personal' }, 'Personal (only you)'),
      session.isAdmin || item?.scope === 'shared' ? h('option', { value: 'shared' }, 'Shared (the whole team)') : null) });
    scope.input.value = item?.scope ?? 'personal';
    const widgetIds = agents.widgets().map((widget) => widget.id);
    const widget = field({ label: 'Widget', input: h('select', {}, h('option', { value: '' }, 'All widgets'),
      [...new Set([...widgetIds, item?.widget_id].filter(Boolean))].map((id) => h('option', { value: id }, id))) });
    widget.input.value = item?.widget_id ?? '';
    const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const fields = { title, shortcut, content, scope, widget_id: widget };
    const submit = h('button', { type: 'submit', class: 'button primary' }, item ? 'Save changes' : 'Create');

    const form = h('form', { class: 'stack', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      clearErrors(fields, general);
      const input = { title: title.input.value.trim(), shortcut: shortcut.input.value.trim().toLowerCase(),
        content: content.input.value, scope: scope.input.value, widget_id: widget.input.value || null };
      submit.disabled = true;
      try {
        if (item) await api.updateCanned(item.id, input);
        else await api.createCanned(input);
        toast(item ? `Saved ${input.shortcut}` : `Created ${input.shortcut}`);
        formCard.hidden = true;
        newButton.hidden = false;
        load();
      } catch (error) {
        showApiError(error, fields, general);
      } finally {
        submit.disabled = false;
      }
    } },
    h('h2', {}, item ? `Edit ${item.shortcut}` : 'New canned response'),
    h('div', { class: 'form-grid' }, title.wrapper, shortcut.wrapper),
    content.wrapper,
    h('div', { class: 'form-grid' }, scope.wrapper, widget.wrapper),
    general,
    h('div', { class: 'form-actions' }, submit,
      h('button', { type: 'button', class: 'button ghost', onclick: () => { formCard.hidden = true; newButton.hidden = false; } }, 'Cancel')));
    replaceChildren(formCard, form);
    formCard.hidden = false;
    newButton.hidden = true;
    title.input.focus();
  }

  load();
  return h('div', { class: 'page' },
    h('header', { class: 'page-header' },
      h('div', {}, h('h1', {}, 'Canned responses'),
        h('p', { class: 'muted' }, 'Saved replies. Type a shortcut such as /hello in the reply box to insert one.')),
      newButton),
    formCard, table);
}

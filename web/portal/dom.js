// Building DOM nodes without HTML strings: every string child becomes a text node, so visitor-supplied text
// can never turn into markup.

/// h('div', { class: 'row', onclick: fn, 'aria-label': 'x' }, 'text', childNode, [more], null)
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  applyProps(node, props);
  append(node, children);
  return node;
}

export function applyProps(node, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/// Replaces every child of `node` with `children`.
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

let idCounter = 0;
/// A document-unique id for label/aria wiring.
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/// A labelled form field: { wrapper, input, error } with <label for>, aria-describedby on the error slot.
export function field({ label, input, hint, name }) {
  const id = input.id || uid(name ?? 'field');
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  input.setAttribute('aria-describedby', `${id}-error`);
  const wrapper = h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('p', { class: 'field-hint' }, hint) : null,
    error);
  return { wrapper, input, error };
}

export function showFieldError({ input, error }, message) {
  error.textContent = message ?? '';
  error.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

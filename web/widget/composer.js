// The message box: Enter sends, Shift+Enter adds a line; typing is reported while the visitor types.
import { h, icon, uniqueId } from './dom.js';
import { charCount } from './field-checks.js';

const TYPING_REPEAT_MS = 2_000; // "still typing" at most this often
const TYPING_IDLE_MS = 3_000; // "stopped typing" after this long without a key
const MAX_HEIGHT_PX = 120;

/// Emits typing(true) at most every TYPING_REPEAT_MS while keys arrive and typing(false) once they stop.
function typingSignal(emit) {
  let active = false;
  let lastSent = 0;
  let idleTimer = null;
  const stop = () => {
    clearTimeout(idleTimer);
    if (!active) return;
    active = false;
    emit(false);
  };
  return {
    keystroke() {
      const now = Date.now();
      if (!active || now - lastSent >= TYPING_REPEAT_MS) {
        active = true;
        lastSent = now;
        emit(true);
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, TYPING_IDLE_MS);
    },
    stop,
  };
}

/// onSend(text) is called with the text to send; onTyping(isTyping) with the typing state.
export function createComposer({ placeholder, maxChars, onSend, onTyping }) {
  const id = uniqueId('message');
  const textarea = h('textarea', { id, class: 'sb-textarea', rows: '1', placeholder, autocomplete: 'off' });
  const send = h('button', { type: 'submit', class: 'sb-send', 'aria-label': 'Send message', title: 'Send message' }, icon('send'));
  const error = h('p', { class: 'sb-composer-error', role: 'alert', hidden: true });
  const typing = typingSignal(onTyping);
  const form = h('form', { class: 'sb-composer' },
    h('label', { for: id, class: 'sb-vh', text: 'Message' }),
    h('div', { class: 'sb-composer-row' }, textarea, send),
    error);

  const fit = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, MAX_HEIGHT_PX)}px`;
  };
  const submit = () => {
    const text = textarea.value;
    if (!text.trim()) return;
    if (charCount(text) > maxChars) {
      error.textContent = `Messages can be at most ${maxChars} characters.`;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    typing.stop();
    textarea.value = '';
    fit();
    onSend(text);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
    textarea.focus();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  textarea.addEventListener('input', () => {
    fit();
    if (textarea.value) typing.keystroke();
    else typing.stop();
  });

  return { el: form, focus: () => textarea.focus(), stopTyping: typing.stop };
}

// After a conversation is resolved: 1 to 5 stars with optional feedback, then a way to start again.
import { h, uniqueId } from './dom.js';
import { whileBusy } from './form-fields.js';

const STAR_WORDS = ['Terrible', 'Bad', 'OK', 'Good', 'Great'];

/// onRate(rating, feedback) may throw an ApiError; onRestart() starts a new conversation.
export function createRatingForm({ prompt, onRate, onRestart }) {
  const titleId = uniqueId('rating-title');
  const feedbackId = uniqueId('feedback');
  const radioName = uniqueId('rating');
  const restart = h('button', { type: 'button', class: 'sb-secondary-button', text: 'Start a new conversation' });
  const restartError = h('p', { class: 'sb-form-error', role: 'alert', hidden: true });
  restart.addEventListener('click', async () => {
    restartError.hidden = true;
    try {
      await whileBusy(restart, 'Starting…', onRestart);
    } catch (failure) {
      restartError.textContent = failure.message;
      restartError.hidden = false;
    }
  });
  const labels = [];
  const error = h('p', { class: 'sb-form-error', role: 'alert', hidden: true });
  const stars = h('fieldset', { class: 'sb-stars' },
    h('legend', { class: 'sb-vh', text: 'Rating from 1 to 5 stars' }),
    [1, 2, 3, 4, 5].map((value) => {
      const id = uniqueId('star');
      const radio = h('input', { type: 'radio', id, name: radioName, value: String(value), class: 'sb-star-input' });
      radio.addEventListener('change', () => {
        labels.forEach((label, i) => label.classList.toggle('sb-on', i < value));
        error.hidden = true;
      });
      const label = h('label', { for: id, class: 'sb-star', title: STAR_WORDS[value - 1] },
        h('span', { 'aria-hidden': 'true', text: '★' }),
        h('span', { class: 'sb-vh', text: `${value} star${value > 1 ? 's' : ''} (${STAR_WORDS[value - 1]})` }));
      labels.push(label);
      return [radio, label];
    }));
  const feedback = h('textarea', { id: feedbackId, rows: '3', maxlength: '2000' });
  const submit = h('button', { type: 'submit', class: 'sb-primary-button', text: 'Send rating' });
  const form = h('form', { class: 'sb-rating-form', novalidate: true },
    stars,
    h('div', { class: 'sb-field' }, h('label', { for: feedbackId, class: 'sb-label', text: 'Anything you would like to add? (optional)' }), feedback),
    error, submit);
  const card = h('section', { class: 'sb-rating', 'aria-labelledby': titleId },
    h('p', { class: 'sb-ended', text: 'This conversation has ended.' }),
    h('h3', { id: titleId, class: 'sb-rating-title', text: prompt }),
    form, restart, restartError);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = form.querySelector('input[type=radio]:checked');
    if (!picked) {
      error.textContent = 'Please choose from 1 to 5 stars.';
      error.hidden = false;
      form.querySelector('input[type=radio]').focus();
      return;
    }
    error.hidden = true;
    try {
      await whileBusy(submit, 'Sending…', () => onRate(Number(picked.value), feedback.value.trim()));
      form.replaceWith(h('p', { class: 'sb-thanks', role: 'status', text: 'Thank you for your feedback!' }));
      restart.focus();
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    }
  });

  return { el: card, focus: () => form.querySelector('input[type=radio]')?.focus() ?? restart.focus() };
}

// Puts an ApiError's message next to the field it names (error.field), or in the form's general slot.
import { showFieldError } from './dom.js';

/// fields: { [apiFieldName]: { input, error } } as made by dom.field(); general: an element for the rest.
export function showApiError(error, fields, general) {
  clearErrors(fields, general);
  const target = error.field ? fields[error.field] : null;
  if (target) {
    showFieldError(target, error.message);
    target.input.focus();
  } else {
    general.textContent = error.message;
    general.hidden = false;
  }
}

export function clearErrors(fields, general) {
  for (const slot of Object.values(fields)) showFieldError(slot, null);
  general.textContent = '';
  general.hidden = true;
}

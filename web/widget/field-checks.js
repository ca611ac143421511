// The hub's checks on visitor details, repeated here so that the visitor hears about a mistake before the
// round trip. The hub stays the authority: its 422 answers are shown the same way.

const MAX_EMAIL = 254;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isValidEmail(email) {
  if (email.length > MAX_EMAIL) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts;
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !/^[A-Za-z]{2,}$/.test(labels[labels.length - 1])) return false;
  return labels.every((label) => DOMAIN_LABEL.test(label));
}

/// E.164: "+", then 8 to 15 digits, the first not 0.
export const isValidPhone = (phone) => /^\+[1-9]\d{7,14}$/.test(phone);

/// People type phone numbers with spaces, dashes, dots and brackets; the hub wants bare E.164.
export const normalisePhone = (phone) => phone.replace(/[\s().-]/g, '');

/// Code points, as the hub counts them.
export const charCount = (text) => [...text].length;

/// The visitor-facing problem with `value` for a field {name, label, required, max_length}, or null.
export function fieldProblem(field, rawValue) {
  const value = rawValue.trim();
  if (!value) return field.required ? `${field.label} is required.` : null;
  if (field.max_length && charCount(value) > field.max_length) {
    return `${field.label} can be at most ${field.max_length} characters.`;
  }
  if (field.name === 'email' && !isValidEmail(value)) return 'Please enter a valid email address, like name@example.com.';
  if (field.name === 'phone' && !isValidPhone(normalisePhone(value))) {
    return 'Please enter the number in international format, starting with + and the country code, like +447700900123.';
  }
  return null;
}

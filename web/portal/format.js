// Times and names as the portal shows them.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/// "now", "5m", "3h", "Mon", "12 Mar" — compact, for list rows.
export function shortTime(iso, now = Date.now()) {
  if (!iso) return '';
  const time = new Date(iso);
  const age = now - time.getTime();
  if (age < MINUTE) return 'now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  if (age < DAY) return `${Math.floor(age / HOUR)}h`;
  if (age < 6 * DAY) return time.toLocaleDateString(undefined, { weekday: 'short' });
  return time.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/// "14:05" for a message bubble.
export function clockTime(iso) {
  return iso ? new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '';
}

/// "4 Dec 2026, 14:05" for tooltips and detail panels.
export function fullTime(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/// "Today", "Yesterday" or the date, for day separators in the message log.
export function dayLabel(iso, now = new Date()) {
  const date = new Date(iso);
  const start = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(now) - start(date)) / DAY);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}

/// "seen 5 minutes ago"-style phrase.
export function agoPhrase(iso, now = Date.now()) {
  if (!iso) return 'never';
  const age = Math.max(0, now - new Date(iso).getTime());
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return plural(Math.floor(age / MINUTE), 'minute') + ' ago';
  if (age < DAY) return plural(Math.floor(age / HOUR), 'hour') + ' ago';
  return plural(Math.floor(age / DAY), 'day') + ' ago';
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function visitorName(conversation) {
  return conversation?.visitor?.name || conversation?.visitor?.email || 'Visitor';
}

/// Up to two initials for an avatar.
export function initials(name) {
  const letters = String(name).trim().split(/\s+/).slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

export function capitalise(word) {
  return word ? word[0].toUpperCase() + word.slice(1) : '';
}

/// Seconds as "850 ms", "12 s", "4 min", "2.5 h".
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function percent(ratio) {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)}%`;
}

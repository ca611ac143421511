// Where an agent's (or the bot's) message stands on its way to the visitor through an external channel: queued in
// the hub's outbox, sent to the provider, delivered, read, or failed with the provider's error. Messages and their
// status events can arrive in either order, so the status shown is the one furthest along, never the last to
// arrive; a failure is final.
import { h } from './dom.js';
import { capitalise, fullTime } from './format.js';

const PROGRESS = ['queued', 'sent', 'delivered', 'read'];
const FAILURES = ['failed', 'undelivered'];

const isStatus = (status) => PROGRESS.includes(status) || FAILURES.includes(status);

/// Whether `next` may follow `current`, by the hub's rule: forward along queued → sent → delivered → read; a failure
/// ends a delivery that has not reached the visitor yet, and nothing follows a failure.
export function movesForward(current, next) {
  if (FAILURES.includes(current)) return false;
  if (FAILURES.includes(next)) return PROGRESS.indexOf(current) < PROGRESS.indexOf('delivered');
  return PROGRESS.indexOf(next) > PROGRESS.indexOf(current);
}

/// Of two reports on the same delivery, the one to show: the one further along, or the newer report of one status.
export function laterDelivery(known, incoming) {
  if (!incoming || !isStatus(incoming.status)) return known ?? null;
  if (!known) return incoming;
  if (incoming.status === known.status) return (incoming.updated_at ?? '') >= (known.updated_at ?? '') ? incoming : known;
  return movesForward(known.status, incoming.status) ? incoming : known;
}

/// The latest delivery of each message of one conversation, by message id, whatever order the reports come in.
export class DeliveryStatuses {
  constructor() {
    this._byMessage = new Map();
  }

  /// Records a report (a message's `delivery` or a message:status event); returns the delivery to show.
  record(messageId, delivery) {
    const kept = laterDelivery(this._byMessage.get(messageId), delivery);
    if (kept) this._byMessage.set(messageId, kept);
    return kept;
  }

  /// A message with its latest known delivery (a message without a `delivery` field has none).
  apply(message) {
    const delivery = this.record(message.id, message.delivery);
    return delivery === (message.delivery ?? null) ? message : { ...message, delivery };
  }
}

/// "Delivered", or "Failed: <provider's error>": what the status says in words, never in colour only.
export function deliveryText(delivery) {
  const status = capitalise(delivery.status);
  return FAILURES.includes(delivery.status) && delivery.error ? `${status}: ${delivery.error}` : status;
}

/// The small status beside an outgoing message's time.
export function deliveryNode(delivery) {
  const text = deliveryText(delivery);
  const when = delivery.updated_at ? ` (${fullTime(delivery.updated_at)})` : '';
  return h('span', { class: `state-chip delivery-status state-${delivery.status}`, title: `To the visitor by ${delivery.channel}: ${text}${when}`,
    dataset: { deliveryStatus: delivery.status } }, text);
}

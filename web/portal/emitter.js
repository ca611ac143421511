/// A minimal event emitter for the portal's own modules.
export class Emitter {
  constructor() {
    this._handlers = new Map();
  }

  on(event, handler) {
    if (!this._handlers.has(event)) this._handlers.set(event, new Set());
    this._handlers.get(event).add(handler);
    return () => this._handlers.get(event)?.delete(handler);
  }

  emit(event, ...args) {
    for (const handler of [...(this._handlers.get(event) ?? [])]) handler(...args);
  }
}

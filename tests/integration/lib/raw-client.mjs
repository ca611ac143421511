// A client that writes bytes to one TCP connection exactly as given and reads the answers as they come: for what
// node:http would not send (slow, malformed or pipelined requests) and for watching the connection itself.
import { connect } from 'node:net';

export class RawClient {
  /// Resolves once connected.
  static open(baseUrl) {
    const { hostname, port } = new URL(baseUrl);
    const client = new RawClient(connect({ host: hostname, port: Number(port) }));
    return new Promise((resolve, reject) => {
      client.socket.once('connect', () => resolve(client));
      client.socket.once('error', reject);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.ended = false;
    this.waiters = [];
    this.closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  write(text) {
    return new Promise((resolve, reject) => this.socket.write(text, (error) => (error ? reject(error) : resolve())));
  }

  /// The next answer on the connection: { status, reason, headers (lower-case names), body }, a HEAD answer's
  /// body being empty when `headOnly`. Rejects when the connection ends before a whole answer or after timeoutMs.
  async response({ headOnly = false, timeoutMs = 5_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = this.take(headOnly);
      if (parsed) return parsed;
      if (this.ended) throw new Error(`the connection ended before a whole answer (had: ${this.buffer.toString('latin1')})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no whole answer within ${timeoutMs} ms (had: ${this.buffer.toString('latin1')})`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  take(headOnly) {
    const text = this.buffer.toString('latin1');
    const headEnd = text.indexOf('\r\n\r\n');
    if (headEnd < 0) return null;
    const [statusLine, ...lines] = text.slice(0, headEnd).split('\r\n');
    const match = /^HTTP\/1\.1 (\d{3}) (.*)$/.exec(statusLine);
    if (!match) throw new Error(`not an HTTP/1.1 status line: ${statusLine}`);
    const headers = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = headOnly || !('content-length' in headers) ? 0 : Number(headers['content-length']);
    const start = Buffer.byteLength(text.slice(0, headEnd + 4), 'latin1');
    if (this.buffer.length < start + length) return null;
    const body = this.buffer.subarray(start, start + length).toString('utf8');
    this.buffer = this.buffer.subarray(start + length);
    return { status: Number(match[1]), reason: match[2], headers, body };
  }

  /// Resolves true when the server closes the connection within timeoutMs.
  async closedWithin(timeoutMs) {
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
    const result = await Promise.race([this.closed.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  destroy() {
    this.socket.destroy();
  }
}

// One HTTP request per connection (`Connection: close`), so that nothing pooled survives a hub restart
// and every header, including Origin, is sent exactly as given.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { assertExchange } from './contract.mjs';

const CheckContract = process.env.SWITCHBOARD_CONTRACT === '1';

function sentJson(options) {
  if (options.body !== undefined) return options.body;
  if (options.raw === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(options.raw).toString('utf8'));
  } catch {
    return undefined;
  }
}

/// options: body (serialised as JSON), raw (string/Buffer sent verbatim), chunked (send without
/// Content-Length), headers, timeoutMs. Resolves { status, headers, text, body } where body is the parsed
/// JSON or null. With SWITCHBOARD_CONTRACT=1 an answer that breaks api/openapi.yaml rejects, naming the
/// operation and what is wrong (lib/contract.mjs).
export function send(baseUrl, method, path, options = {}) {
  const url = new URL(path, baseUrl);
  const headers = { Connection: 'close', ...(options.headers ?? {}) };
  let payload = null;
  if (options.raw !== undefined) payload = Buffer.from(options.raw);
  else if (options.body !== undefined) payload = Buffer.from(JSON.stringify(options.body));
  if (payload !== null) {
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    if (!options.chunked) headers['Content-Length'] = String(payload.length);
  }

  return new Promise((resolveResponse, reject) => {
    const req = httpRequest(url, { method, headers, agent: false, timeout: options.timeoutMs ?? 15_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body = null;
        if (text.length > 0) {
          try {
            body = JSON.parse(text);
          } catch {
            body = null;
          }
        }
        const response = { status: res.statusCode, headers: res.headers, text, body };
        if (CheckContract) {
          try {
            assertExchange({ method, path, requestBody: sentJson(options), ...response });
          } catch (violation) {
            reject(violation);
            return;
          }
        }
        resolveResponse(response);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    if (payload !== null) {
      if (options.chunked) {
        // Several chunks, so the server cannot learn the size before reading.
        const step = 1024;
        for (let offset = 0; offset < payload.length; offset += step) req.write(payload.subarray(offset, offset + step));
      } else {
        req.write(payload);
      }
    }
    req.end();
  });
}

/// Writes `text` to a fresh connection as-is and resolves the status code of the answer, for requests that
/// node:http would frame differently (e.g. a POST with neither Content-Length nor chunked encoding).
export function sendRaw(baseUrl, text, timeoutMs = 5_000) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolveStatus, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no complete answer within ${timeoutMs} ms`)));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const head = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (match && head.includes('\r\n\r\n')) {
        socket.destroy();
        resolveStatus(Number(match[1]));
      }
    });
    socket.write(text);
  });
}

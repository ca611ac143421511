// The contract check itself (lib/contract.mjs), on made-up exchanges: what it must let through and what it must
// catch. The rest of the suite runs every real exchange through it (SWITCHBOARD_CONTRACT=1, tests/integration/run).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkExchange, checkWebhook } from './lib/contract.mjs';

const Json = { 'content-type': 'application/json' };
const health = { status: 'ok', database: 'ok', version: '0.1.0' };
const notFound = { error: { code: 'not_found', message: 'route /api/nope not found' } };

function exchange(method, path, status, body, extra = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { method, path, status, headers: Json, text, body: body ?? null, ...extra };
}

describe('contract check against api/openapi.yaml', () => {
  test('a documented answer passes, naming its operation', () => {
    const result = checkExchange(exchange('GET', '/healthz', 200, health));
    assert.deepEqual(result, { operation: 'getHealth', violations: [] });
    assert.deepEqual(checkExchange(exchange('GET', '/api/nope', 404, notFound)).violations, []);
  });

  test('a status the operation does not document is caught', () => {
    const { violations } = checkExchange(exchange('GET', '/healthz', 418, health));
    assert.match(violations.join(), /status 418 is not documented/);
  });

  test('a body outside the schema is caught with the failing property', () => {
    const { violations } = checkExchange(exchange('GET', '/healthz', 200, { status: 'ok' }));
    assert.match(violations.join(), /must have required property 'database'/);
    const badCode = checkExchange(exchange('GET', '/api/me', 401, { error: { code: 'oops', message: 'x' } }));
    assert.match(badCode.violations.join(), /\/error\/code must be equal to one of the allowed values/);
  });

  test('an undocumented path may only answer 404, and an undocumented method only 405 with Allow', () => {
    assert.match(checkExchange(exchange('GET', '/api/nope', 200, {})).violations.join(), /undocumented path/);
    assert.match(checkExchange(exchange('DELETE', '/healthz', 204)).violations.join(), /undocumented method/);
    const allowed = exchange('DELETE', '/healthz', 405, { error: { code: 'method_not_allowed', message: 'x' } },
      { headers: { ...Json, allow: 'GET' } });
    assert.deepEqual(checkExchange(allowed).violations, []);
  });

  test('a content type the response does not document is caught', () => {
    const html = { ...exchange('GET', '/healthz', 200, health), headers: { 'content-type': 'text/html' } };
    assert.match(checkExchange(html).violations.join(), /content type text\/html is not one of application\/json/);
  });

  test('success for a request the spec refuses is caught: parameters and body', () => {
    const page = { messages: [], has_more: false };
    const id = '6f1c2a9e-8d3b-4c57-9a0e-2b7d4f1e8c35';
    const beforeZero = checkExchange(exchange('GET', `/api/conversations/${id}/messages?before_seq=0`, 200, page));
    assert.match(beforeZero.violations.join(), /query parameter before_seq=0/);
    const emptyPatch = checkExchange(exchange('PATCH', `/api/agents/${id}`, 200, {}, { requestBody: {} }));
    assert.match(emptyPatch.violations.join(), /request body: \(root\) must NOT have fewer than 1 properties/);
  });

  test('a webhook is checked against the webhooks section: headers and body', () => {
    const headers = { 'webhook-id': 'd1', 'webhook-timestamp': '1765000000', 'webhook-signature': 'v1,YWJj',
      'x-switchboard-signature': `sha256=${'a'.repeat(64)}` };
    const json = { event: 'webhook.test', timestamp: '2026-11-21T10:00:00.123Z', message: 'hello' };
    assert.deepEqual(checkWebhook('handoverRequested', { headers, json }), []);
    const unsigned = { ...headers };
    delete unsigned['x-switchboard-signature'];
    assert.match(checkWebhook('handoverRequested', { headers: unsigned, json }).join(), /X-Switchboard-Signature is missing/);
    assert.match(checkWebhook('handoverRequested', { headers, json: { event: 'other' } }).join(), /^body: /);
  });
});

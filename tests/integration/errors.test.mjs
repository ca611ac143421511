// Errors every endpoint shares: unknown routes, wrong methods, bodies that are not what was asked for.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { adminToken, assertError, get, initVisitor, post, request } from './lib/api.mjs';
import { sendRaw } from './lib/http.mjs';

describe('shared errors', () => {
  const hub = useHub();
  let token;
  before(async () => {
    token = await adminToken(hub);
  });

  test('an unknown API route is a JSON 404 not_found', async () => {
    assertError(await get(hub, '/api/no-such-thing'), 404, 'not_found');
    assertError(await post(hub, '/api/widget/no-such-thing', {}), 404, 'not_found');
  });

  test('an id that is not a UUID is 404 not_found, not a server error', async () => {
    assertError(await get(hub, '/api/conversations/not-a-uuid', { token }), 404, 'not_found');
    assertError(await get(hub, "/api/conversations/1'%20OR%20'1'='1", { token }), 404, 'not_found');
    assertError(await get(hub, '/api/agents/00000000-0000-4000-8000-000000000000', { token }), 404, 'not_found');
  });

  test('a known route with a wrong method is 405 method_not_allowed with an Allow header', async () => {
    const res = await request(hub, 'DELETE', '/healthz');
    assertError(res, 405, 'method_not_allowed');
    assert.match(String(res.headers.allow), /GET/);

    const init = await get(hub, '/api/widget/init');
    assertError(init, 405, 'method_not_allowed');
    assert.match(String(init.headers.allow), /POST/);

    assertError(await request(hub, 'PUT', '/api/auth/login', { body: {} }), 405, 'method_not_allowed');
  });

  test('a malformed JSON body is 400 invalid_json', async () => {
    assertError(await request(hub, 'POST', '/api/auth/login', { raw: '{"email": "a@example.com",' }), 400, 'invalid_json');
    assertError(await request(hub, 'POST', '/api/widget/init', { raw: 'widget_id=demo' }), 400, 'invalid_json');
  });

  test('an empty body counts as an empty object', async () => {
    assertError(await request(hub, 'POST', '/api/widget/init', { raw: '' }), 400, 'missing_field', 'widget_id');
  });

  test('a JSON body that is not an object is 400 invalid_json', async () => {
    assertError(await request(hub, 'POST', '/api/widget/init', { raw: '["demo"]' }), 400, 'invalid_json');
    assertError(await request(hub, 'POST', '/api/widget/init', { raw: '"demo"' }), 400, 'invalid_json');
    assertError(await request(hub, 'POST', '/api/widget/init', { raw: 'null' }), 400, 'invalid_json');
  });

  test('invalid UTF-8 in a body is 400 invalid_json', async () => {
    const raw = Buffer.concat([Buffer.from('{"widget_id":"demo","name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    assertError(await request(hub, 'POST', '/api/widget/init', { raw }), 400, 'invalid_json');
  });

  test('a POST with neither Content-Length nor chunked encoding has an empty body and is answered at once', async () => {
    const { conversation_id: id } = await initVisitor(hub);
    const status = await sendRaw(hub.url, [
      `POST /api/conversations/${id}/resolve HTTP/1.1`,
      `Host: 127.0.0.1:${hub.port}`,
      `Authorization: Bearer ${token}`,
      '',
      '',
    ].join('\r\n'));
    assert.equal(status, 200);
  });

  test('a missing required field is 400 missing_field naming the field', async () => {
    assertError(await post(hub, '/api/auth/login', { password: 'whatever-1' }), 400, 'missing_field', 'email');
    assertError(await post(hub, '/api/auth/login', { email: 'a@example.com' }), 400, 'missing_field', 'password');
    assertError(await post(hub, '/api/widget/init', { name: 'Ada' }), 400, 'missing_field', 'widget_id');
  });

  test('a field of the wrong type is 400 invalid_field naming the field', async () => {
    assertError(await post(hub, '/api/auth/login', { email: 42, password: 'whatever-1' }), 400, 'invalid_field', 'email');
    assertError(await post(hub, '/api/widget/init', { widget_id: ['demo'] }), 400, 'invalid_field', 'widget_id');
  });

  test('a bad query parameter is 400 invalid_field naming it', async () => {
    assertError(await get(hub, '/api/conversations?limit=abc', { token }), 400, 'invalid_field', 'limit');
    assertError(await get(hub, '/api/conversations?limit=0', { token }), 400, 'invalid_field', 'limit');
    assertError(await get(hub, '/api/conversations?status=sleeping', { token }), 400, 'invalid_field', 'status');
  });

  test('API responses are JSON and never cached', async () => {
    const res = await get(hub, '/api/me', { token });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.match(String(res.headers['cache-control']), /no-store/);
  });
});

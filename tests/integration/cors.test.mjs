import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { assertError, expectStatus, get, initVisitor, post, request } from './lib/api.mjs';

const SHOP = 'https://shop.example';

function assertAllowed(res, origin) {
  assert.equal(res.headers['access-control-allow-origin'], origin, 'the allowed origin is echoed');
  assert.match(String(res.headers.vary), /\bOrigin\b/i, 'Vary names Origin');
}

function preflight(hub, path, origin, method = 'POST') {
  return request(hub, 'OPTIONS', path, {
    origin,
    headers: { 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, content-type' },
  });
}

describe('CORS on the widget API', () => {
  const hub = useHub();

  test("an origin in the widget's allowed_origins is echoed with Vary: Origin", async () => {
    const config = await get(hub, '/api/widget/config?widget_id=demo', { origin: SHOP });
    expectStatus(config, 200);
    assertAllowed(config, SHOP);
    assert.notEqual(config.headers['access-control-allow-origin'], '*');

    const init = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Ada', email: 'ada@example.com' },
      { origin: 'https://www.shop.example' });
    const visitor = expectStatus(init, 201);
    assertAllowed(init, 'https://www.shop.example');

    const message = await post(hub, '/api/widget/messages', { conversation_id: visitor.conversation_id, text: 'hi' },
      { origin: SHOP, token: visitor.visitor_token });
    expectStatus(message, 201);
    assertAllowed(message, SHOP);

    const list = await get(hub, `/api/widget/messages?conversation_id=${visitor.conversation_id}`,
      { origin: SHOP, token: visitor.visitor_token });
    expectStatus(list, 200);
    assertAllowed(list, SHOP);
  });

  test('error responses to an allowed origin carry the CORS headers too', async () => {
    const res = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Ada' }, { origin: SHOP });
    assertError(res, 422, 'validation_failed', 'email');
    assertAllowed(res, SHOP);
  });

  test('any other origin is 403 origin_not_allowed', async () => {
    const evil = 'https://evil.example';
    const config = await get(hub, '/api/widget/config?widget_id=demo', { origin: evil });
    assertError(config, 403, 'origin_not_allowed');
    assert.equal(config.headers['access-control-allow-origin'], undefined);

    const init = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Ada', email: 'ada@example.com' }, { origin: evil });
    assertError(init, 403, 'origin_not_allowed');

    const visitor = await initVisitor(hub);
    const message = await post(hub, '/api/widget/messages', { conversation_id: visitor.conversation_id, text: 'hi' },
      { origin: evil, token: visitor.visitor_token });
    assertError(message, 403, 'origin_not_allowed');
    const rating = await post(hub, '/api/widget/rating', { conversation_id: visitor.conversation_id, rating: 5 },
      { origin: evil, token: visitor.visitor_token });
    assertError(rating, 403, 'origin_not_allowed');
  });

  test('origins are matched exactly: scheme, host and port', async () => {
    for (const origin of ['http://shop.example', 'https://shop.example:8443', 'https://shop.example.evil.example', 'null']) {
      assertError(await get(hub, '/api/widget/config?widget_id=demo', { origin }), 403, 'origin_not_allowed');
    }
  });

  test("an origin allowed for another widget is refused for this one", async () => {
    const res = await get(hub, '/api/widget/config?widget_id=demo', { origin: 'https://other.example' });
    assertError(res, 403, 'origin_not_allowed');
    expectStatus(await get(hub, '/api/widget/config?widget_id=other', { origin: 'https://other.example' }), 200);
  });

  test("the hub's own origin is allowed", async () => {
    const res = await get(hub, '/api/widget/config?widget_id=demo', { origin: hub.url });
    expectStatus(res, 200);
  });

  test('a request without Origin (not from a browser) is allowed', async () => {
    const res = await get(hub, '/api/widget/config?widget_id=demo');
    expectStatus(res, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  test('a preflight from an allowed origin is 204 with the allowed methods and headers', async () => {
    for (const path of ['/api/widget/init', '/api/widget/messages', '/api/widget/config', '/api/widget/rating',
      '/api/widget/availability', '/api/handover/request']) {
      const res = await preflight(hub, path, SHOP);
      assert.equal(res.status, 204, `${path}: ${res.status} ${res.text}`);
      assertAllowed(res, SHOP);
      const methods = String(res.headers['access-control-allow-methods']).toUpperCase();
      assert.match(methods, /POST/);
      assert.match(methods, /GET/);
      const headers = String(res.headers['access-control-allow-headers']).toLowerCase();
      assert.match(headers, /authorization/);
      assert.match(headers, /content-type/);
      assert.match(String(res.headers['access-control-max-age']), /^\d+$/);
    }
  });

  test('a preflight to a path with no route is 404, not a CORS answer', async () => {
    for (const path of ['/api/widget/nope', '/api/widget/init/extra', '/api/handover/request/x']) {
      const res = await preflight(hub, path, SHOP);
      assertError(res, 404, 'not_found');
      assert.equal(res.headers['access-control-allow-methods'], undefined, path);
    }
  });

  test('a preflight from an origin no widget allows is 403 origin_not_allowed', async () => {
    const res = await preflight(hub, '/api/widget/init', 'https://evil.example');
    assertError(res, 403, 'origin_not_allowed');
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });
});

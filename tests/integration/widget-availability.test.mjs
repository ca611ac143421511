import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { assertError, expectStatus, get, initVisitor, login } from './lib/api.mjs';
import { connectSocket, request } from './lib/socket.mjs';

describe('GET /api/widget/availability', () => {
  const hub = useHub();

  const availability = async (widgetId = 'demo', options = {}) =>
    expectStatus(await get(hub, `/api/widget/availability?widget_id=${widgetId}`, options), 200);

  test('says whether an agent of the widget is online with the portal open, live and uncached', async () => {
    const before = await availability();
    assert.equal(before.agents_available, false);
    assert.equal(before.open_now, true); // the test widget keeps no business hours
    assert.equal(before.next_change_at, null);

    const { token } = await login(hub);
    const agent = await connectSocket(hub, { token });
    try {
      await request(agent, 'agent:set_status', 'online');
      assert.equal((await availability()).agents_available, true);
      assert.equal((await availability('other')).agents_available, true); // the admin serves every widget

      await request(agent, 'agent:set_status', 'away');
      assert.equal((await availability()).agents_available, false);
      await request(agent, 'agent:set_status', 'online');
    } finally {
      agent.close();
    }
    const res = await get(hub, '/api/widget/availability?widget_id=demo');
    assert.match(String(res.headers['cache-control']), /no-store/);
  });

  test('answers the widget\'s pages and refuses other sites and unknown widgets', async () => {
    const allowed = await get(hub, '/api/widget/availability?widget_id=demo', { headers: { Origin: 'https://shop.example' } });
    expectStatus(allowed, 200);
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://shop.example');
    assertError(await get(hub, '/api/widget/availability?widget_id=demo', { headers: { Origin: 'https://other.example' } }),
      403, 'origin_not_allowed');
    assertError(await get(hub, '/api/widget/availability?widget_id=nope'), 404, 'not_found');
    assertError(await get(hub, '/api/widget/availability'), 400, 'missing_field', 'widget_id');
  });

  test('a visitor socket from the hub\'s own pages is accepted like its REST calls', async () => {
    const visitor = await initVisitor(hub, {}, { headers: { Origin: hub.url } });
    const socket = await connectSocket(hub, { visitor_token: visitor.visitor_token }, { extraHeaders: { Origin: hub.url } });
    socket.close();
    await assert.rejects(
      connectSocket(hub, { visitor_token: visitor.visitor_token }, { extraHeaders: { Origin: 'https://evil.example' } }),
      /authentication failed/);
  });
});

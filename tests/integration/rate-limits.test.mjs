import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { assertError, assertRateLimited, expectStatus, get, initVisitor, post, visitorMessage } from './lib/api.mjs';

/// Sends `limit` requests that must all pass, then up to `limit` more (a fixed window may roll over once
/// during the test) until one is refused; returns the refused response.
async function exhaust(limit, send, expectPassed) {
  for (let i = 0; i < limit; i += 1) expectPassed(await send(i));
  for (let i = limit; i < 2 * limit; i += 1) {
    const res = await send(i);
    if (res.status === 429) return res;
    expectPassed(res);
  }
  assert.fail(`no 429 within ${2 * limit} requests`);
}

const limitedWidget = (rateLimits) => ({
  name: 'Limited',
  allowed_origins: ['https://limited.example'],
  prechat: { enabled: false, fields: [] },
  rate_limits: rateLimits,
  handover: { enabled: false },
});

describe('widget rate limits', () => {
  const hub = useHub({
    widgets: {
      'few-chats': limitedWidget({ conversations_per_ip_per_hour: 3, messages_per_visitor_per_minute: 1000 }),
      'few-messages': limitedWidget({ conversations_per_ip_per_hour: 1000, messages_per_visitor_per_minute: 5 }),
    },
  });
  const init = (widgetId) => post(hub, '/api/widget/init', { widget_id: widgetId });

  test('new conversations per IP per hour: 429 rate_limited with Retry-After', async () => {
    const refused = await exhaust(3, () => init('few-chats'), (res) => expectStatus(res, 201));
    assertRateLimited(refused, 3600);
  });

  test('the conversation limit is counted per widget', async () => {
    await initVisitor(hub);
  });

  test('messages per visitor per minute: 429 rate_limited with Retry-After', async () => {
    const visitor = expectStatus(await init('few-messages'), 201);
    const refused = await exhaust(5, (i) => visitorMessage(hub, visitor, `message ${i}`), (res) => expectStatus(res, 201));
    assertRateLimited(refused, 60);

    const other = expectStatus(await init('few-messages'), 201);
    expectStatus(await visitorMessage(hub, other, 'another visitor is not limited'), 201);
  });

  test('a refused message is not stored', async () => {
    const visitor = expectStatus(await init('few-messages'), 201);
    const texts = [];
    let refused = null;
    for (let i = 0; i < 10 && !refused; i += 1) {
      const res = await visitorMessage(hub, visitor, `m${i}`);
      if (res.status === 429) refused = res;
      else texts.push(expectStatus(res, 201).text);
    }
    assert.ok(refused, 'no 429 within 10 messages');
    assertError(refused, 429, 'rate_limited');
    const res = await get(hub, `/api/widget/messages?conversation_id=${visitor.conversation_id}`, { token: visitor.visitor_token });
    assert.deepEqual(expectStatus(res, 200).messages.map((m) => m.text), texts);
  });
});

describe('requests per IP per minute', () => {
  const hub = useHub({ hub: { rate_limits: { requests_per_ip_per_minute: 20 } } });

  test('public endpoints answer 429 rate_limited with Retry-After over the limit', async () => {
    const refused = await exhaust(20, () => get(hub, '/api/widget/config?widget_id=demo'), (res) => expectStatus(res, 200));
    assertRateLimited(refused, 60);
    assertRateLimited(await post(hub, '/api/widget/init', { widget_id: 'other' }), 60);
  });

  test('/healthz is never rate limited', async () => {
    for (let i = 0; i < 5; i += 1) expectStatus(await get(hub, '/healthz'), 200);
  });
});

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  adminToken, agentReply, assertError, conversationAction, createAgent, expectStatus, get, initVisitor, post, query,
  sendVisitorMessage,
} from './lib/api.mjs';

describe('GET /api/stats', () => {
  const hub = useHub();
  let admin;
  let alice;
  before(async () => {
    admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { widgets: ['demo'] });

    // demo (no bot): one waiting for an agent, one active, two resolved with ratings 4 and 2, one pending again
    // (resolved, then reopened).
    await initVisitor(hub, { message: 'waiting' });
    const active = await initVisitor(hub, { message: 'need help' });
    await agentReply(hub, alice.token, active.conversation_id, 'helping');
    for (const rating of [4, 2]) {
      const visitor = await initVisitor(hub, { message: 'question' });
      await sendVisitorMessage(hub, visitor, 'more detail');
      await agentReply(hub, alice.token, visitor.conversation_id, 'answer');
      expectStatus(await conversationAction(hub, alice.token, visitor.conversation_id, 'resolve'), 200);
      expectStatus(await post(hub, '/api/widget/rating', { conversation_id: visitor.conversation_id, rating },
        { token: visitor.visitor_token }), 200);
    }
    const pending = await initVisitor(hub);
    expectStatus(await conversationAction(hub, alice.token, pending.conversation_id, 'resolve'), 200);
    expectStatus(await conversationAction(hub, alice.token, pending.conversation_id, 'reopen'), 200);
  });

  const stats = async (token, params = {}) => expectStatus(await get(hub, `/api/stats${query(params)}`, { token }), 200);

  test('counts conversations by status and messages by sender', async () => {
    const body = await stats(admin, { widget_id: 'demo' });
    assert.equal(body.widget_id, 'demo');
    assert.deepEqual(body.conversations, { total: 5, bot: 0, pending: 2, active: 1, resolved: 2, closed: 0 });
    assert.deepEqual(body.messages, { visitor: 6, agent: 3 });
  });

  test('averages first response time, resolution time and rating', async () => {
    const body = await stats(admin, { widget_id: 'demo' });
    assert.equal(body.ratings_count, 2);
    assert.equal(body.avg_rating, 3);
    assert.equal(typeof body.avg_first_response_s, 'number');
    assert.ok(body.avg_first_response_s >= 0 && body.avg_first_response_s < 60);
    assert.equal(typeof body.avg_resolution_s, 'number');
    assert.ok(body.avg_resolution_s >= 0 && body.avg_resolution_s < 60);
  });

  test('without data the averages are null', async () => {
    const body = await stats(admin, { widget_id: 'other' });
    assert.deepEqual(body.conversations, { total: 0, bot: 0, pending: 0, active: 0, resolved: 0, closed: 0 });
    assert.equal(body.avg_first_response_s, null);
    assert.equal(body.avg_resolution_s, null);
    assert.equal(body.avg_rating, null);
    assert.equal(body.ratings_count, 0);
  });

  test('the period defaults to the last 30 days and can be given as dates or timestamps', async () => {
    const body = await stats(admin);
    assert.equal(body.widget_id, null);
    assert.equal(body.conversations.total, 5);
    const days = (Date.parse(body.to) - Date.parse(body.from)) / 86_400_000;
    assert.ok(Math.abs(days - 30) < 1, `default period is 30 days, got ${days}`);
    assert.ok(Date.parse(body.to) >= Date.now() - 60_000);

    const past = await stats(admin, { from: '2020-01-01', to: '2020-12-31' });
    assert.equal(past.conversations.total, 0);
    const aroundNow = await stats(admin, {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    });
    assert.equal(aroundNow.conversations.total, 5);
  });

  test('an agent sees the widgets it serves', async () => {
    const body = await stats(alice.token);
    assert.equal(body.conversations.total, 5);
    assertError(await get(hub, '/api/stats?widget_id=other', { token: alice.token }), 404, 'not_found');
  });

  test('a bad date is 400 invalid_field', async () => {
    assertError(await get(hub, '/api/stats?from=yesterday', { token: admin }), 400, 'invalid_field', 'from');
    assertError(await get(hub, '/api/stats?to=2020-13-45', { token: admin }), 400, 'invalid_field', 'to');
  });

  test('an unknown widget is 404 not_found', async () => {
    assertError(await get(hub, '/api/stats?widget_id=nope', { token: admin }), 404, 'not_found');
  });
});

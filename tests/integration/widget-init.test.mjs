import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, UUID, assertError, conversation, conversationAction, expectStatus, initVisitor, login, patch, post,
  unique,
} from './lib/api.mjs';

describe('POST /api/widget/init', () => {
  const hub = useHub();
  let admin;
  let adminAgent;
  before(async () => {
    ({ token: admin, agent: adminAgent } = await login(hub));
  });

  test('starts a conversation for a new visitor: 201 with a token and the first message', async () => {
    const email = `${unique('ada')}@example.com`;
    const res = await post(hub, '/api/widget/init', {
      widget_id: 'demo',
      name: 'Ada Lovelace',
      email,
      phone: '+447700900123',
      message: 'Hello, I need help with my order',
      custom: { company: 'Analytical Engines', plan: 'gold' },
      current_url: 'https://shop.example/cart',
      referrer: 'https://search.example/?q=shop',
    }, { headers: { 'User-Agent': 'IntegrationTest/1.0' } });
    const body = expectStatus(res, 201);

    assert.match(body.conversation_id, UUID);
    assert.match(body.visitor_id, UUID);
    assert.equal(typeof body.visitor_token, 'string');
    assert.ok(body.visitor_token.length >= 32, 'the visitor token is long enough to be unguessable');
    assert.equal(body.status, 'pending', 'the demo widget has no bot: the conversation waits for an agent');
    assert.equal(body.resumed, false);

    const conv = body.conversation;
    assert.equal(conv.id, body.conversation_id);
    assert.equal(conv.widget_id, 'demo');
    assert.equal(conv.status, 'pending');
    assert.equal(conv.last_seq, 1);
    assert.match(conv.created_at, TIMESTAMP);
    assert.equal(conv.visitor.id, body.visitor_id);
    assert.equal(conv.visitor.name, 'Ada Lovelace');
    assert.equal(conv.visitor.email, email);
    assert.equal(conv.visitor.phone, '+447700900123');
    assert.deepEqual(conv.visitor.custom, { company: 'Analytical Engines', plan: 'gold' });
    assert.equal(conv.visitor.current_url, 'https://shop.example/cart');
    assert.equal(conv.visitor.referrer, 'https://search.example/?q=shop');

    assert.equal(body.messages.length, 1);
    const [first] = body.messages;
    assert.equal(first.seq, 1);
    assert.equal(first.sender_type, 'visitor');
    assert.equal(first.sender_id, body.visitor_id);
    assert.equal(first.text, 'Hello, I need help with my order');
    assert.equal(first.conversation_id, body.conversation_id);

    const seen = await conversation(hub, admin, body.conversation_id);
    assert.equal(seen.visitor.user_agent, 'IntegrationTest/1.0');
    assert.equal(seen.visitor.ip, '127.0.0.1');
    assert.equal(seen.last_message.text, 'Hello, I need help with my order');
    assert.equal(seen.last_message.sender_type, 'visitor');
  });

  test('without a message the conversation starts empty', async () => {
    const body = await initVisitor(hub);
    assert.deepEqual(body.messages, []);
    assert.equal(body.conversation.last_seq, 0);
    assert.equal(body.conversation.last_message, null);
  });

  test('every new visitor gets a different token', async () => {
    const a = await initVisitor(hub);
    const b = await initVisitor(hub);
    assert.notEqual(a.visitor_token, b.visitor_token);
    assert.notEqual(a.visitor_id, b.visitor_id);
    assert.notEqual(a.conversation_id, b.conversation_id);
  });

  test('required pre-chat fields must be present: 422 validation_failed naming the field', async () => {
    const noEmail = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Ada' });
    assertError(noEmail, 422, 'validation_failed', 'email');
    const blankName = await post(hub, '/api/widget/init', { widget_id: 'demo', name: '   ', email: 'a@example.com' });
    assertError(blankName, 422, 'validation_failed', 'name');
  });

  test('a widget without required fields accepts an anonymous visitor', async () => {
    const body = expectStatus(await post(hub, '/api/widget/init', { widget_id: 'other' }), 201);
    assert.equal(body.conversation.widget_id, 'other');
    assert.equal(body.conversation.visitor.name, null);
  });

  test('an invalid email is 422 invalid_email', async () => {
    for (const email of ['not-an-email', 'a@', '@example.com', 'a b@example.com']) {
      const res = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Ada', email });
      assertError(res, 422, 'invalid_email', 'email');
    }
  });

  test('a phone number must be E.164: 422 invalid_phone otherwise', async () => {
    const bad = ['12345678', '+0123456789', '+1234567', '+1234567890123456', '+1 415 555', 'phone'];
    for (const phone of bad) {
      const res = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Ada', email: 'a@example.com', phone });
      assertError(res, 422, 'invalid_phone', 'phone');
    }
    for (const phone of ['+12345678', '+123456789012345']) {
      await initVisitor(hub, { phone });
    }
  });

  test('custom values must be strings: 400 invalid_field naming the key', async () => {
    const res = await post(hub, '/api/widget/init', {
      widget_id: 'demo', name: 'Ada', email: 'a@example.com', custom: { plan: 3 },
    });
    assertError(res, 400, 'invalid_field', 'custom.plan');
  });

  test('an unknown widget is 404 not_found', async () => {
    assertError(await post(hub, '/api/widget/init', { widget_id: 'nope', name: 'Ada', email: 'a@example.com' }), 404, 'not_found');
  });

  test('a visitor with an open conversation resumes it: 200, same conversation and token', async () => {
    const first = await initVisitor(hub, { name: 'Grace', message: 'first visit' });
    const res = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Grace Hopper' }, { token: first.visitor_token });
    const again = expectStatus(res, 200);
    assert.equal(again.resumed, true);
    assert.equal(again.conversation_id, first.conversation_id);
    assert.equal(again.visitor_id, first.visitor_id);
    assert.equal(again.visitor_token, first.visitor_token);
    assert.equal(again.conversation.visitor.name, 'Grace Hopper', 'details given on resume are stored');
    assert.equal(again.conversation.visitor.email, first.conversation.visitor.email, 'details not given are kept');
    assert.deepEqual(again.messages.map((m) => m.text), ['first visit']);
  });

  test('the visitor\'s view of their conversation carries none of the team\'s fields', async () => {
    const first = await initVisitor(hub, { name: 'Grace', message: 'first visit' }, { headers: { 'User-Agent': 'Spy/1.0' } });
    const id = first.conversation_id;
    expectStatus(await patch(hub, `/api/conversations/${id}`,
      { tags: ['vip', 'refund-risk'], subject: 'Angry about refund', priority: 'urgent' }, { token: admin }), 200);
    expectStatus(await post(hub, `/api/conversations/${id}/assign`, { agent_id: adminAgent.id }, { token: admin }), 200);
    expectStatus(await post(hub, `/api/conversations/${id}/messages`, { text: 'On it' }, { token: admin }), 201);

    const again = expectStatus(await post(hub, '/api/widget/init', { widget_id: 'demo' }, { token: first.visitor_token }), 200);
    for (const body of [first, again]) {
      const conv = body.conversation;
      for (const field of ['tags', 'subject', 'priority', 'assigned_agent_id', 'handover_method', 'first_response_at',
        'updated_at']) {
        assert.ok(!(field in conv), `${field} is the team's: ${JSON.stringify(conv)}`);
      }
      for (const field of ['ip', 'user_agent', 'first_seen_at', 'last_seen_at']) {
        assert.ok(!(field in conv.visitor), `visitor.${field} is what the hub recorded: ${JSON.stringify(conv.visitor)}`);
      }
      assert.ok(!JSON.stringify(conv).includes(adminAgent.id), 'no agent id');
      assert.ok(!JSON.stringify(conv).includes('refund'), 'no tag or subject text');
    }
    assert.equal(again.conversation.status, 'active');
    assert.equal(again.conversation.unread_count, 1, 'the agent\'s reply is unread by the visitor');
    assert.equal(again.conversation.last_message.text, 'On it');
    assert.equal(again.conversation.visitor.name, 'Grace');
    assert.deepEqual(again.messages.map((m) => m.text), ['first visit', 'On it']);
    // The agents still see everything.
    const seen = await conversation(hub, admin, id);
    assert.deepEqual([...seen.tags].sort(), ['refund-risk', 'vip']);
    assert.equal(seen.assigned_agent_id, adminAgent.id);
  });

  test('after the conversation is resolved the same visitor gets a new one with the same token', async () => {
    const first = await initVisitor(hub);
    expectStatus(await conversationAction(hub, admin, first.conversation_id, 'resolve'), 200);
    const res = await post(hub, '/api/widget/init', { widget_id: 'demo' }, { token: first.visitor_token });
    const next = expectStatus(res, 201);
    assert.equal(next.resumed, false);
    assert.notEqual(next.conversation_id, first.conversation_id);
    assert.equal(next.visitor_id, first.visitor_id);
    assert.equal(next.visitor_token, first.visitor_token);
    assert.equal(next.status, 'pending');
  });

  test('an invalid token is ignored: the caller is treated as a new visitor', async () => {
    const res = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'Eve', email: 'eve@example.com' },
      { token: 'forged-token-that-does-not-exist' });
    const body = expectStatus(res, 201);
    assert.equal(body.resumed, false);
    assert.notEqual(body.visitor_token, 'forged-token-that-does-not-exist');
  });

  test("a token of another widget's visitor does not resume across widgets", async () => {
    const demo = await initVisitor(hub);
    const res = await post(hub, '/api/widget/init', { widget_id: 'other' }, { token: demo.visitor_token });
    const body = expectStatus(res, 201);
    assert.equal(body.resumed, false);
    assert.equal(body.conversation.widget_id, 'other');
    assert.notEqual(body.conversation_id, demo.conversation_id);
    assert.notEqual(body.visitor_id, demo.visitor_id);
  });
});

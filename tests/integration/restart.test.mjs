// Nothing the hub accepted may be lost when it dies: every 2xx before a SIGKILL is there after the restart.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  agentReply, conversation, createAgent, expectStatus, get, initVisitor, login, post, unique, visitorMessage,
  visitorMessages,
} from './lib/api.mjs';

describe('restart in the middle', () => {
  const hub = useHub();
  const state = {};

  test('before: a conversation with visitor and agent messages, a canned response, an agent', async () => {
    state.admin = (await login(hub)).token;
    state.alice = await createAgent(hub, state.admin, { display_name: 'Alice' });
    state.visitor = await initVisitor(hub, { name: 'Durable Visitor', message: 'first' });
    state.clientIds = [];
    for (let i = 0; i < 5; i += 1) {
      const id = unique('c');
      state.clientIds.push(id);
      expectStatus(await visitorMessage(hub, state.visitor, `visitor ${i}`, id), 201);
    }
    await agentReply(hub, state.alice.token, state.visitor.conversation_id, 'agent reply');

    // A burst of concurrent messages right before the kill: each one answered 201 must survive.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => visitorMessage(hub, state.visitor, `burst ${i}`)));
    for (const res of burst) expectStatus(res, 201);

    state.canned = expectStatus(await post(hub, '/api/canned-responses',
      { title: 'Kept', shortcut: '/kept', content: 'Survives restarts', scope: 'personal' }, { token: state.alice.token }), 201);
    state.before = await visitorMessages(hub, state.visitor, { limit: 500 });
    assert.equal(state.before.messages.length, 17);
    state.conversationBefore = await conversation(hub, state.admin, state.visitor.conversation_id);
  });

  test('SIGKILL and start again on the same database', async () => {
    const status = await hub.kill();
    assert.equal(status.signal, 'SIGKILL');
    await hub.start();
  });

  test('after: every message is there with the same id, seq and text', async () => {
    const after = await visitorMessages(hub, state.visitor, { limit: 500 });
    const shape = (m) => ({ id: m.id, seq: m.seq, text: m.text, sender_type: m.sender_type, created_at: m.created_at });
    assert.deepEqual(after.messages.map(shape), state.before.messages.map(shape));
    assert.deepEqual(after.messages.map((m) => m.seq), Array.from({ length: 17 }, (_, i) => i + 1));
  });

  test('after: the visitor token and the agent sessions still work', async () => {
    const resumed = expectStatus(await post(hub, '/api/widget/init', { widget_id: 'demo' }, { token: state.visitor.visitor_token }), 200);
    assert.equal(resumed.conversation_id, state.visitor.conversation_id);
    assert.equal(resumed.resumed, true);
    const me = expectStatus(await get(hub, '/api/me', { token: state.alice.token }), 200);
    assert.equal(me.id, state.alice.agent.id);
    expectStatus(await get(hub, '/api/me', { token: state.admin }), 200);
  });

  test('after: the conversation state is unchanged', async () => {
    const conv = await conversation(hub, state.admin, state.visitor.conversation_id);
    for (const key of ['status', 'assigned_agent_id', 'first_response_at', 'last_seq', 'unread_count', 'created_at']) {
      assert.deepEqual(conv[key], state.conversationBefore[key], key);
    }
    assert.equal(conv.status, 'active');
    assert.equal(conv.assigned_agent_id, state.alice.agent.id);
  });

  test('after: client_msg_id replays still return the original, new messages continue the sequence', async () => {
    const replay = await visitorMessage(hub, state.visitor, 'visitor 2', state.clientIds[2]);
    const original = state.before.messages.find((m) => m.client_msg_id === state.clientIds[2]);
    assert.equal(expectStatus(replay, 200).id, original.id);
    const next = expectStatus(await visitorMessage(hub, state.visitor, 'after restart'), 201);
    assert.equal(next.seq, 18);
  });

  test('after: the first admin is not created twice and other data is kept', async () => {
    const agents = expectStatus(await get(hub, '/api/agents', { token: state.admin }), 200).agents;
    assert.equal(agents.filter((agent) => agent.email === hub.adminEmail).length, 1);
    assert.equal(agents.length, 2);
    const canned = expectStatus(await get(hub, '/api/canned-responses?shortcut=/kept', { token: state.alice.token }), 200);
    assert.equal(canned.id, state.canned.id);
  });

  test('a graceful stop (SIGTERM) exits 0 and keeps everything too', async () => {
    const status = await hub.stop();
    assert.deepEqual(status, { code: 0, signal: null });
    await hub.start();
    const after = await visitorMessages(hub, state.visitor, { limit: 500 });
    assert.equal(after.messages.length, 18);
    expectStatus(await get(hub, '/api/me', { token: state.alice.token }), 200);
  });
});

// The visitor's channel: a conversation continues on the external channel its visitor is on. Driven by the `relay`
// test plugin, which stands for a provider that reaches visitors by phone and records what it was handed: a
// handover to it or a message through it makes it the visitor channel, each agent reply (REST or socket) gives
// exactly one `agent_message` delivery whose status agents follow live, agents can switch to "widget only", and a
// reply committed right before a SIGKILL is still delivered after the restart.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { relayCallback, relayPluginDir } from './lib/relay.mjs';
import {
  adminToken, agentReply, assertError, conversation, createAgent, eventually, expectStatus, get, initVisitor, patch,
  post, unique, visitorMessages,
} from './lib/api.mjs';
import { connectSocket, nextEvent, request } from './lib/socket.mjs';

const plugins = relayPluginDir();

describe('the visitor\'s channel', () => {
  after(() => plugins.remove());
  const hub = useHub({
    hub: { plugin_dir: plugins.dir, channels: { relay: { plugin: 'relay' } } },
    widgets: { demo: { handover: { methods: { relay: { channel: 'relay', requires: ['phone'] } } } } },
  });
  let admin;
  let agent;
  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
  });

  const relay = (path, params) => relayCallback(hub, path, params);

  /// What the relay channel was handed in this hub process: [{id, attempt, kind, address, texts}].
  async function handed() {
    return (await relay('deliveries')).split('\n').filter(Boolean).map((line) => {
      const [id, attempt, kind, address, texts] = line.split('|');
      return { id, attempt: Number(attempt), kind, address, texts };
    });
  }

  /// The conversation's messages as agents see them.
  async function agentMessages(conversationId) {
    return expectStatus(await get(hub, `/api/conversations/${conversationId}/messages`, { token: agent.token }), 200)
      .messages;
  }

  async function deliveryOf(conversationId, messageId) {
    return (await agentMessages(conversationId)).find((m) => m.id === messageId).delivery;
  }

  /// A visitor with `phone` who asked for a person through the relay channel.
  async function handedOver(phone) {
    const visitor = await initVisitor(hub, { phone });
    expectStatus(await post(hub, '/api/handover/request',
      { conversation_id: visitor.conversation_id, requested_method: 'relay' }, { token: visitor.visitor_token }), 201);
    return visitor;
  }

  test('a handover to a channel that reaches visitors makes it the visitor channel', async () => {
    const visitor = await handedOver('+447700900201');
    const conv = await conversation(hub, agent.token, visitor.conversation_id);
    assert.deepEqual(conv.visitor_channel, { channel: 'relay', display_name: 'Relay', address: '+447700900201' });
    assert.deepEqual(conv.visitor_channel_options, [conv.visitor_channel]);
  });

  test('one agent reply over REST gives exactly one agent_message delivery, whose status agents follow live',
    async () => {
      const visitor = await handedOver('+447700900202');
      const socket = await connectSocket(hub, { token: agent.token });
      try {
        const announced = nextEvent(socket, 'message:new', (m) => m.conversation_id === visitor.conversation_id &&
          m.sender_type === 'agent');
        const sent = nextEvent(socket, 'message:status', (e) => e.conversation_id === visitor.conversation_id &&
          e.delivery.status === 'sent');
        const reply = await agentReply(hub, agent.token, visitor.conversation_id, 'Hello from REST',
          unique('c'));
        assert.equal(reply.delivery.status, 'queued');
        assert.equal(reply.delivery.channel, 'relay');
        assert.equal((await announced).delivery.id, reply.delivery.id);
        const status = await sent;
        assert.equal(status.message_id, reply.id);
        assert.equal(status.delivery.id, reply.delivery.id);

        const mine = (await handed()).filter((d) => d.id === reply.delivery.id);
        assert.deepEqual(mine, [{ id: reply.delivery.id, attempt: 1, kind: 'agent_message', address: '+447700900202',
          texts: 'Hello from REST' }]);
        assert.equal((await deliveryOf(visitor.conversation_id, reply.id)).status, 'sent');

        // The provider's callbacks move it on, live, and never back.
        const delivered = nextEvent(socket, 'message:status', (e) => e.message_id === reply.id &&
          e.delivery.status === 'delivered');
        assert.equal(await relay('status', { provider_id: `relay-${reply.delivery.id}`, status: 'delivered' }),
          'applied');
        await delivered;
        assert.equal(await relay('status', { provider_id: `relay-${reply.delivery.id}`, status: 'sent' }), 'stale');
        assert.equal((await deliveryOf(visitor.conversation_id, reply.id)).status, 'delivered');
        const read = nextEvent(socket, 'message:status', (e) => e.message_id === reply.id &&
          e.delivery.status === 'read');
        await relay('status', { provider_id: `relay-${reply.delivery.id}`, status: 'read' });
        await read;
      } finally {
        socket.disconnect();
      }
      // The visitor reads the reply in the widget too, without the delivery's internals.
      const { messages } = await visitorMessages(hub, visitor);
      const seen = messages.find((m) => m.text === 'Hello from REST');
      assert.ok(seen);
      assert.equal('delivery' in seen, false);
    });

  test('a reply over the socket gives one delivery too, and a provider failure shows with its error', async () => {
    const visitor = await handedOver('+447700900203');
    const socket = await connectSocket(hub, { token: agent.token });
    try {
      const ack = await request(socket, 'agent:send_message',
        { conversation_id: visitor.conversation_id, text: 'Hello from the socket', client_msg_id: unique('c') });
      assert.equal(ack.delivery.status, 'queued');
      await eventually(async () => (await deliveryOf(visitor.conversation_id, ack.id)).status === 'sent',
        'the socket reply is sent', 10_000);
      assert.equal((await handed()).filter((d) => d.texts === 'Hello from the socket').length, 1);
      const failed = nextEvent(socket, 'message:status', (e) => e.message_id === ack.id &&
        e.delivery.status === 'failed');
      await relay('status', { provider_id: `relay-${ack.delivery.id}`, status: 'undelivered', error_code: '63016',
        error_text: 'outside the 24 hour window' });
      assert.equal((await failed).delivery.error, 'outside the 24 hour window');
    } finally {
      socket.disconnect();
    }
  });

  test('an inbound message opens a conversation on its channel, and the reply goes back to its address', async () => {
    const address = 'whatsapp:+447700900204';
    const [kind, conversationId, opened] = (await relay('message',
      { widget: 'demo', address, name: 'Grace', text: 'Hi-from-outside', external_id: unique('SM') })).split('|');
    assert.equal(kind, 'stored');
    assert.equal(opened, 'opened');
    const conv = await conversation(hub, agent.token, conversationId);
    assert.deepEqual(conv.visitor_channel, { channel: 'relay', display_name: 'Relay', address });
    const reply = await agentReply(hub, agent.token, conversationId, 'Welcome Grace', unique('c'));
    await eventually(async () => (await handed()).some((d) => d.id === reply.delivery.id),
      'the reply is handed to the channel', 10_000);
    assert.equal((await handed()).find((d) => d.id === reply.delivery.id).address, address);
  });

  test('agents switch to the widget only and back; a channel that cannot reach the visitor is refused', async () => {
    const visitor = await handedOver('+447700900205');
    const path = `/api/conversations/${visitor.conversation_id}`;
    const widgetOnly = expectStatus(await patch(hub, path, { visitor_channel: null }, { token: agent.token }), 200);
    assert.equal(widgetOnly.visitor_channel, null);
    assert.equal(widgetOnly.visitor_channel_options.length, 1, 'relay stays an option');
    const quiet = await agentReply(hub, agent.token, visitor.conversation_id, 'Widget-only reply',
      unique('c'));
    assert.equal(quiet.delivery, null);

    const back = expectStatus(await patch(hub, path, { visitor_channel: 'relay' }, { token: agent.token }), 200);
    assert.deepEqual(back.visitor_channel, { channel: 'relay', display_name: 'Relay', address: '+447700900205' });
    assertError(await patch(hub, path, { visitor_channel: 'webhook' }, { token: agent.token }), 422,
      'visitor_unreachable', 'visitor_channel');
    const noPhone = await initVisitor(hub, {});
    assertError(await patch(hub, `/api/conversations/${noPhone.conversation_id}`, { visitor_channel: 'relay' },
      { token: agent.token }), 422, 'visitor_unreachable', 'visitor_channel');

    // A later reply through relay reaches it; the widget-only one, due earlier, would have come first.
    const later = await agentReply(hub, agent.token, visitor.conversation_id, 'Back on relay', unique('c'));
    await eventually(async () => (await handed()).some((d) => d.id === later.delivery.id),
      'the later reply is handed to the channel', 10_000);
    assert.equal((await handed()).some((d) => d.texts === 'Widget-only reply'), false);
  });

  test('a reply committed right before a SIGKILL is delivered after the restart', async () => {
    const visitor = await handedOver('+447700900206');
    assert.equal(await relay('hold', { on: 'true' }), 'ok');
    const reply = await agentReply(hub, agent.token, visitor.conversation_id, 'Survives the kill',
      unique('c'));
    // The channel has it in hand, unanswered, when the hub dies: nothing was booked.
    await eventually(async () => (await handed()).some((d) => d.id === reply.delivery.id),
      'the channel is called', 10_000);
    const status = await hub.kill();
    assert.equal(status.signal, 'SIGKILL');
    await hub.start();
    await eventually(async () => (await deliveryOf(visitor.conversation_id, reply.id)).status === 'sent',
      'the reply is delivered after the restart', 15_000);
    const again = (await handed()).filter((d) => d.id === reply.delivery.id);
    assert.equal(again.length, 1, 'handed over once by the new process');
    assert.equal(again[0].texts, 'Survives the kill');
  });
});

// What a messaging channel's provider tells the hub through the channel's callbacks, driven by the `relay` test
// plugin: delivery statuses move forward only and reach agents live, an opted-out contact gets no delivery, and a
// contact's message lands once in their conversation, opens one, or is refused and counted, per the widget.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { relayCallback, relayPluginDir } from './lib/relay.mjs';
import {
  adminToken, conversation, createAgent, eventually, expectStatus, get, initVisitor, post, visitorMessages,
} from './lib/api.mjs';
import { connectSocket, nextEvent } from './lib/socket.mjs';

const plugins = relayPluginDir();


/// The contact's message through the relay channel: [kind, conversation id, opened|existing, reason].
async function inbound(hub, params) {
  return (await relayCallback(hub, 'message', params)).split('|');
}

describe('channel callbacks', () => {
  after(() => plugins.remove());
  const hub = useHub({
    hub: { plugin_dir: plugins.dir, channels: { relay: { plugin: 'relay' } } },
    widgets: {
      demo: { handover: { methods: { relay: { channel: 'relay', label: 'WhatsApp', requires: ['phone'] } } } },
      strict: {
        name: 'Strict Shop',
        allowed_origins: ['https://strict.example'],
        prechat: { enabled: false, fields: [] },
        rate_limits: { conversations_per_ip_per_hour: 100000, messages_per_visitor_per_minute: 100000 },
        inbound: { unmatched: 'refuse' },
      },
    },
  });
  let admin;
  let agent;
  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
  });

  /// The one delivery of a handover request, as agents see it now.
  async function deliveryNow(requestId) {
    const detail = expectStatus(await get(hub, `/api/handover/requests/${requestId}`, { token: agent.token }), 200);
    return { ...detail.deliveries[0], requestId };
  }

  /// A visitor with `phone` who asked for a person by the relay channel; resolves with the delivery once attempted.
  async function handedOver(phone) {
    const visitor = await initVisitor(hub, { phone });
    const asked = expectStatus(await post(hub, '/api/handover/request',
      { conversation_id: visitor.conversation_id, requested_method: 'relay' }, { token: visitor.visitor_token }), 201);
    let delivery;
    await eventually(async () => {
      delivery = await deliveryNow(asked.request.id);
      return delivery.status !== 'pending';
    }, 'the relay delivery is attempted', 10_000);
    return delivery;
  }

  test('a status callback moves the delivery status forward, live, and a late lower one is ignored', async () => {
    const delivery = await handedOver('+447700900123');
    assert.equal(delivery.status, 'delivered');
    assert.equal(delivery.provider_id, `relay-${delivery.id}`);
    assert.equal(delivery.provider_status, null);

    const socket = await connectSocket(hub, { token: agent.token });
    try {
      const live = nextEvent(socket, 'delivery:status', (e) => e.delivery_id === delivery.id);
      assert.equal(await relayCallback(hub, 'status', { provider_id: delivery.provider_id, status: 'delivered' }), 'applied');
      const event = await live;
      assert.equal(event.provider_status, 'delivered');
      assert.equal(event.provider_id, delivery.provider_id);
    } finally {
      socket.disconnect();
    }

    assert.equal(await relayCallback(hub, 'status', { provider_id: delivery.provider_id, status: 'sent' }), 'stale');
    assert.equal((await deliveryNow(delivery.requestId)).provider_status, 'delivered');
    assert.equal(await relayCallback(hub, 'status', { provider_id: delivery.provider_id, status: 'read' }), 'applied');
    const read = await deliveryNow(delivery.requestId);
    assert.equal(read.provider_status, 'read');
    assert.ok(read.provider_status_at);
    assert.equal(await relayCallback(hub, 'status', { provider_id: delivery.provider_id, status: 'failed' }), 'stale');
    assert.equal(await relayCallback(hub, 'status', { provider_id: 'relay-nobody', status: 'sent' }), 'unknown');
  });

  test('a failure carries the provider error and nothing follows it', async () => {
    const delivery = await handedOver('+447700900124');
    assert.equal(await relayCallback(hub, 'status', {
      provider_id: delivery.provider_id, status: 'undelivered', error_code: '30008', error_text: 'Unknown error',
    }), 'applied');
    assert.equal(await relayCallback(hub, 'status', { provider_id: delivery.provider_id, status: 'delivered' }), 'stale');
    const failed = await deliveryNow(delivery.requestId);
    assert.equal(failed.provider_status, 'undelivered');
    assert.equal(failed.provider_error_code, '30008');
    assert.equal(failed.provider_error_text, 'Unknown error');
  });

  test('a contact who opted out gets no delivery: it fails, saying so, without the channel', async () => {
    assert.equal(await relayCallback(hub, 'opt-out', { address: 'whatsapp:+447700900999', opted_out: 'true' }), 'ok');
    const refused = await handedOver('+447700900999');
    assert.equal(refused.status, 'failed');
    assert.equal(refused.last_error, 'the contact opted out of relay');
    assert.equal(refused.provider_id, null, 'the channel was not called');

    assert.equal(await relayCallback(hub, 'opt-out', { address: 'whatsapp:+447700900999', opted_out: 'false' }), 'ok');
    assert.equal((await handedOver('+447700900999')).status, 'delivered');
  });

  test('the same inbound message posted twice is stored once in the contact\'s conversation', async () => {
    const visitor = await initVisitor(hub, { phone: '+447700900555' });
    const message = {
      widget: 'demo', address: 'whatsapp:+447700900555', name: 'Ada', text: 'Hello-from-WhatsApp', external_id: 'SM555',
    };
    assert.deepEqual(await inbound(hub, message), ['stored', visitor.conversation_id, 'existing', '']);
    assert.deepEqual(await inbound(hub, message), ['duplicate', visitor.conversation_id, 'existing', '']);
    const { messages } = await visitorMessages(hub, visitor);
    assert.deepEqual(messages.filter((m) => m.text === 'Hello-from-WhatsApp').length, 1);
  });

  test('an unmatched inbound message opens a conversation where the widget says open', async () => {
    const [kind, conversationId, opened] = await inbound(hub,
      { widget: 'demo', address: 'whatsapp:+447700900777', name: 'Grace', text: 'Hi-there', external_id: 'SM777' });
    assert.equal(kind, 'stored');
    assert.equal(opened, 'opened');
    const opener = await conversation(hub, admin, conversationId);
    assert.equal(opener.visitor.phone, '+447700900777');
    assert.equal(opener.status, 'pending');
  });

  test('an unmatched inbound message is refused where the widget says refuse, and the refusal is counted', async () => {
    const [kind, conversationId, , reason] = await inbound(hub,
      { widget: 'strict', address: 'whatsapp:+447700900888', text: 'Anyone-there', external_id: 'SM888' });
    assert.equal(kind, 'refused');
    assert.equal(conversationId, '');
    assert.match(reason, /inbound\.unmatched: refuse/);

    const counts = expectStatus(await get(hub, '/api/channels/inbound-refusals', { token: admin }), 200);
    const relay = counts.channels.find((c) => c.instance === 'relay');
    assert.equal(relay.refused, 1);
    assert.match(relay.last_reason, /whatsapp:\+447700900888/);
    expectStatus(await get(hub, '/api/channels/inbound-refusals', { token: agent.token }), 403);
    await eventually(() => /refused an inbound message/.test(hub.log()), 'the refusal is logged');
  });
});

// Limits on the real-time endpoint: a visitor socket's events count against the per-address limit of the public
// REST API, a socket that keeps sending once refused is closed, and a flood of typing reaches the agents as at most
// one event a second.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { adminToken, createAgent, initVisitor, post } from './lib/api.mjs';
import { nextEvent, rawSocket, record, request, socketOpener } from './lib/socket.mjs';

const TEST_TIMEOUT_MS = 15_000;
const REQUESTS_PER_IP_PER_MINUTE = 10;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('per-address limit on socket events', () => {
  const hub = useHub({ hub: { rate_limits: { requests_per_ip_per_minute: REQUESTS_PER_IP_PER_MINUTE } } });

  test('events past the limit are refused in their ack with rate_limited; a socket that keeps on is closed with 1008', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const { ws, next, closed } = await rawSocket(hub);
    await next();
    ws.send(`40${JSON.stringify({ visitor_token: visitor.visitor_token })}`);
    assert.match(await next(), /^40\{"sid"/);
    const texts = [];
    ws.on('message', (data) => texts.push(data.toString()));
    for (let id = 1; id <= 200; id += 1) ws.send(`42${id}["visitor:sync",{"after_seq":0}]`);
    const { code } = await closed;
    assert.equal(code, 1008);

    const acks = texts.filter((text) => text.startsWith('43')).map((text) => JSON.parse(text.replace(/^43\d+/, ''))[0]);
    const answered = acks.filter((ack) => !ack.error);
    const refused = acks.filter((ack) => ack.error?.code === 'rate_limited');
    // The widget start counted too: events and requests share the address's budget. (Answers of requests still on
    // a worker when the socket closed are not sent.)
    assert.ok(answered.length <= REQUESTS_PER_IP_PER_MINUTE - 1, `${answered.length} answered`);
    assert.ok(refused.length > 0, 'some events were refused before the close');
    assert.ok(refused[0].error.retry_after >= 1);
    assert.ok(acks.length < 200, 'the socket was closed before it could send everything');

    // The REST API refuses the same address now.
    const res = await post(hub, '/api/widget/init', { widget_id: 'demo' });
    assert.equal(res.status, 429);
  });
});

describe('typing over the real-time endpoint', () => {
  const hub = useHub();
  const open = socketOpener(hub);
  let agent;

  before(async () => {
    agent = await createAgent(hub, await adminToken(hub), { widgets: ['demo'] });
  });

  test('a flood of typing reaches an agent as one event, and the stop a second later', { timeout: TEST_TIMEOUT_MS }, async () => {
    const agentSocket = await open({ token: agent.token });
    const visitor = await initVisitor(hub);
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    const about = (event) => event.conversation_id === visitor.conversation_id;
    const arrivals = [];
    agentSocket.on('visitor:typing', (event) => {
      if (about(event)) arrivals.push({ at: Date.now(), isTyping: event.is_typing });
    });
    const stopped = nextEvent(agentSocket, 'visitor:typing', (event) => about(event) && !event.is_typing, 5_000);

    for (let i = 0; i < 500; i += 1) visitorSocket.emit('visitor:typing', { is_typing: true });
    const ack = await request(visitorSocket, 'visitor:typing', { is_typing: false });
    assert.deepEqual(ack, { conversation_id: visitor.conversation_id, is_typing: false });
    await stopped;
    await pause(1_200); // nothing else follows
    assert.deepEqual(arrivals.map((arrival) => arrival.isTyping), [true, false]);
    assert.ok(arrivals[1].at - arrivals[0].at >= 900, `the stop came ${arrivals[1].at - arrivals[0].at} ms after`);
  });
});

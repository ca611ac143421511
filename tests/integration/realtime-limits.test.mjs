// Limits on the real-time endpoint: a flood of typing reaches the agents as at most one event a second.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { adminToken, createAgent, initVisitor } from './lib/api.mjs';
import { nextEvent, request, socketOpener } from './lib/socket.mjs';

const TEST_TIMEOUT_MS = 15_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

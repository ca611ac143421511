// The conversation lifecycle over the real-time endpoint: each change made over REST reaches the right sockets as
// its event (conversation:new, :assigned, :transferred, :resolved), rooms can be left, and agent:sync catches up.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  adminToken, agentReply, conversationAction, createAgent, expectStatus, initVisitor, sendVisitorMessage,
} from './lib/api.mjs';
import { nextEvent, record, request, socketOpener } from './lib/socket.mjs';

const TEST_TIMEOUT_MS = 10_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('conversation events over the real-time endpoint', () => {
  const hub = useHub();
  let alice; // demo
  let bob; // demo
  let outsider; // other
  const open = socketOpener(hub);
  const about = (conversationId) => (event) => event.conversation_id === conversationId;

  before(async () => {
    const admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { display_name: 'Alice', widgets: ['demo'] });
    bob = await createAgent(hub, admin, { display_name: 'Bob', widgets: ['demo'] });
    outsider = await createAgent(hub, admin, { display_name: 'Olga', widgets: ['other'] });
  });

  test('a new conversation, its assignment, transfer and resolution reach the widget\'s agents, the previous agent and the visitor', { timeout: TEST_TIMEOUT_MS }, async () => {
    const aliceSocket = await open({ token: alice.token });
    const bobSocket = await open({ token: bob.token });
    const outsiderSocket = await open({ token: outsider.token });
    const outsiderHeard = ['conversation:new', 'conversation:assigned', 'conversation:transferred',
      'conversation:resolved', 'conversation:updated'].map((name) => record(outsiderSocket, name));

    // A visitor starts a chat: the widget's agents hear of it with the conversation as REST shows it.
    const started = record(aliceSocket, 'conversation:new');
    const visitor = await initVisitor(hub, { name: 'Grace Hopper' });
    const isThis = about(visitor.conversation_id);
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    const visitorHeard = ['conversation:new', 'conversation:assigned', 'conversation:transferred',
      'conversation:updated'].map((name) => record(visitorSocket, name));
    await sendVisitorMessage(hub, visitor, 'Hello?');
    await pause(200);
    const news = started().filter(isThis);
    assert.equal(news.length, 1, 'conversation:new once');
    assert.equal(news[0].conversation.id, visitor.conversation_id);
    assert.equal(news[0].conversation.widget_id, 'demo');
    assert.equal(news[0].conversation.visitor.name, 'Grace Hopper');
    assert.equal(news[0].conversation.visitor.is_online, false, 'no socket of the visitor yet');

    // Alice takes it: both agents of the widget hear the assignment, with who got it.
    const assignedToBob = nextEvent(bobSocket, 'conversation:assigned', isThis);
    const assignedToAlice = nextEvent(aliceSocket, 'conversation:assigned', isThis);
    expectStatus(await conversationAction(hub, alice.token, visitor.conversation_id, 'assign', { agent_id: alice.agent.id }), 200);
    for (const event of [await assignedToBob, await assignedToAlice]) {
      assert.equal(event.agent_id, alice.agent.id);
      assert.equal(event.conversation.assigned_agent_id, alice.agent.id);
      assert.equal(event.conversation.status, 'active');
    }

    // Alice hands it to Bob: both hear it, Alice as the one it came from.
    const transferredToBob = nextEvent(bobSocket, 'conversation:transferred', isThis);
    const transferredFromAlice = nextEvent(aliceSocket, 'conversation:transferred', isThis);
    expectStatus(await conversationAction(hub, alice.token, visitor.conversation_id, 'transfer', { agent_id: bob.agent.id }), 200);
    for (const event of [await transferredToBob, await transferredFromAlice]) {
      assert.equal(event.from_agent_id, alice.agent.id);
      assert.equal(event.to_agent_id, bob.agent.id);
      assert.equal(event.conversation.assigned_agent_id, bob.agent.id);
    }

    // Bob resolves it: the visitor hears that too, and only that of the conversation's changes.
    const resolvedForVisitor = nextEvent(visitorSocket, 'conversation:resolved', isThis);
    const resolvedForAlice = nextEvent(aliceSocket, 'conversation:resolved', isThis);
    expectStatus(await conversationAction(hub, bob.token, visitor.conversation_id, 'resolve'), 200);
    // The visitor gets which conversation and its status; the agents' fields (tags, assignee, the visitor's own
    // address and browser) are not theirs to see.
    assert.deepEqual(await resolvedForVisitor, { conversation_id: visitor.conversation_id, status: 'resolved' });
    assert.equal((await resolvedForAlice).conversation.status, 'resolved');

    await pause(200);
    for (const heard of visitorHeard) assert.deepEqual(heard().filter(isThis), []);
    for (const heard of outsiderHeard) assert.deepEqual(heard(), []);
  });

  test('an agent who leaves a conversation room stops hearing its agents typing; leaving takes both payload forms', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const id = visitor.conversation_id;
    const aliceSocket = await open({ token: alice.token });
    const bobSocket = await open({ token: bob.token });
    assert.deepEqual(await request(aliceSocket, 'agent:join_conversation', id), { conversation_id: id, joined: true });
    assert.deepEqual(await request(bobSocket, 'agent:join_conversation', { conversation_id: id }),
      { conversation_id: id, joined: true });

    const typing = nextEvent(aliceSocket, 'agent:typing', about(id));
    bobSocket.emit('agent:typing', { conversation_id: id, is_typing: true });
    const heard = await typing;
    assert.equal(heard.agent_id, bob.agent.id);
    assert.equal(heard.is_typing, true);

    assert.deepEqual(await request(aliceSocket, 'agent:leave_conversation', { conversation_id: id }),
      { conversation_id: id, joined: false });
    const afterLeaving = record(aliceSocket, 'agent:typing');
    bobSocket.emit('agent:typing', { conversation_id: id, is_typing: false });
    // Bob's own later event, acked, marks that the typing event has been fanned out before it.
    await request(bobSocket, 'agent:join_conversation', id);
    await pause(200);
    assert.deepEqual(afterLeaving().filter(about(id)), []);

    // Leaving a conversation of another widget is refused like joining it.
    const outsiderSocket = await open({ token: outsider.token });
    const refused = await request(outsiderSocket, 'agent:leave_conversation', id);
    assert.equal(refused.error.code, 'not_found');
  });

  test('agent:sync returns every message after the given seq, in order, with has_more', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const id = visitor.conversation_id;
    const texts = [];
    for (let i = 1; i <= 5; i += 1) {
      const text = `message ${i}`;
      texts.push(text);
      if (i % 2) await sendVisitorMessage(hub, visitor, text);
      else await agentReply(hub, alice.token, id, text);
    }
    const socket = await open({ token: alice.token });
    const all = await request(socket, 'agent:sync', { conversation_id: id, after_seq: 0 });
    assert.equal(all.has_more, false);
    const messages = all.messages.filter((m) => texts.includes(m.text));
    assert.deepEqual(messages.map((m) => m.text), texts);
    const cut = messages[1].seq;
    const rest = await request(socket, 'agent:sync', { conversation_id: id, after_seq: cut });
    assert.deepEqual(rest.messages.map((m) => m.seq), all.messages.filter((m) => m.seq > cut).map((m) => m.seq));
    assert.ok(rest.messages.every((m, i, list) => i === 0 || list[i - 1].seq < m.seq), 'in order');

    const outsiderSocket = await open({ token: outsider.token });
    assert.equal((await request(outsiderSocket, 'agent:sync', { conversation_id: id, after_seq: 0 })).error.code,
      'not_found');
  });
});

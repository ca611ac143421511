import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  adminToken, agentReply, createAgent, del, expectStatus, initVisitor, login, patch, post, sendVisitorMessage, unique,
} from './lib/api.mjs';
import { connectSocket, nextEvent, rawSocket, record, request, socketOpener } from './lib/socket.mjs';

const PING_INTERVAL_MS = 300;
const PING_TIMEOUT_MS = 400;
const CONNECT_TIMEOUT_MS = 500;
const MAX_MESSAGE_BYTES = 4096;
// A close or an event that never comes fails the test instead of hanging the suite.
const TEST_TIMEOUT_MS = 10_000;

describe('real-time endpoint', () => {
  const hub = useHub({
    hub: {
      realtime: {
        ping_interval_ms: PING_INTERVAL_MS,
        ping_timeout_ms: PING_TIMEOUT_MS,
        connect_timeout_ms: CONNECT_TIMEOUT_MS,
        max_message_bytes: MAX_MESSAGE_BYTES,
      },
    },
  });
  let admin;
  let agent;
  let otherAgent;
  const open = socketOpener(hub);

  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
    otherAgent = await createAgent(hub, admin, { widgets: ['other'] });
  });

  test('the open packet announces the session, no upgrades, the ping timing and the payload limit', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { ws, next } = await rawSocket(hub);
    const openPacket = await next();
    assert.equal(openPacket[0], '0');
    const handshake = JSON.parse(openPacket.slice(1));
    assert.equal(typeof handshake.sid, 'string');
    assert.ok(handshake.sid.length > 0);
    assert.deepEqual(handshake.upgrades, []);
    assert.equal(handshake.pingInterval, PING_INTERVAL_MS);
    assert.equal(handshake.pingTimeout, PING_TIMEOUT_MS);
    assert.ok(handshake.maxPayload > 0);
    ws.close();
  });

  test('other Engine.IO versions and transports are refused with a JSON error', { timeout: TEST_TIMEOUT_MS }, async () => {
    for (const path of ['/socket.io/?EIO=3&transport=websocket', '/socket.io/?EIO=4&transport=flashsocket']) {
      const res = await fetch(hub.url + path);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, 'unsupported_transport');
    }
  });

  test('a malformed packet closes the connection with a protocol error', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { ws, next, closed } = await rawSocket(hub);
    await next();
    ws.send('4not-a-socket-io-packet');
    assert.equal((await closed).code, 1002);
  });

  test('a socket that never sends CONNECT is closed after connect_timeout_ms', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { next, closed } = await rawSocket(hub);
    await next();
    const started = Date.now();
    const { code, reason } = await closed;
    assert.equal(code, 1008);
    assert.match(reason, /CONNECT/);
    assert.ok(Date.now() - started >= CONNECT_TIMEOUT_MS - 100);
  });

  test('an event before CONNECT closes the connection', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { ws, next, closed } = await rawSocket(hub);
    await next();
    ws.send('42["visitor:typing",{"is_typing":true}]');
    assert.equal((await closed).code, 1008);
  });

  test('a message over max_message_bytes is closed with 1009, binary frames with 1003', { timeout: TEST_TIMEOUT_MS }, async () => {
    let socket = await rawSocket(hub);
    await socket.next();
    socket.ws.send('42["x","' + 'a'.repeat(MAX_MESSAGE_BYTES) + '"]');
    assert.equal((await socket.closed).code, 1009);

    // Far over it, so that most of it is still on its way when the hub closes: the client still gets the close
    // frame, not a reset (the hub reads on and discards until the client closes too).
    socket = await rawSocket(hub);
    await socket.next();
    socket.ws.send('42["x","' + 'a'.repeat(2 * 1024 * 1024) + '"]');
    assert.equal((await socket.closed).code, 1009);

    socket = await rawSocket(hub);
    await socket.next();
    socket.ws.send(Buffer.from([1, 2, 3]));
    assert.equal((await socket.closed).code, 1003);
  });

  test('an unknown event asked with an ack is answered with an error; a bad payload too', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const socket = await open({ visitor_token: visitor.visitor_token });
    assert.equal((await request(socket, 'no:such_event', {})).error.code, 'unknown_event');
    const missing = await request(socket, 'visitor:send_message', { conversation_id: visitor.conversation_id });
    assert.equal(missing.error.code, 'missing_field');
    assert.equal(missing.error.field, 'text');
  });

  test('an unknown namespace gets CONNECT_ERROR', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { ws, next } = await rawSocket(hub);
    await next();
    ws.send('40/nowhere,');
    assert.equal(await next(), '44/nowhere,{"message":"Invalid namespace"}');
    ws.close();
  });

  test('bad credentials are refused with connect_error and nothing else', { timeout: TEST_TIMEOUT_MS }, async () => {
    await assert.rejects(connectSocket(hub, { visitor_token: 'not-a-token' }), /authentication failed/);
    await assert.rejects(connectSocket(hub, { token: 'not-a-session' }), /authentication failed/);
    await assert.rejects(connectSocket(hub, {}), /authentication failed/);
  });

  test('a visitor message sent over the socket is acked with the stored message and reaches the agent', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    const agentSocket = await open({ token: agent.token });
    const clientMsgId = unique('c');
    const received = nextEvent(agentSocket, 'message:new', (m) => m.client_msg_id === clientMsgId);
    const ack = await request(visitorSocket, 'visitor:send_message',
      { conversation_id: visitor.conversation_id, text: 'hello over the socket', client_msg_id: clientMsgId });
    assert.equal(ack.text, 'hello over the socket');
    assert.equal(ack.seq, 1);
    assert.equal(ack.conversation_id, visitor.conversation_id);
    const message = await received;
    assert.equal(message.id, ack.id);
    assert.equal(message.widget_id, 'demo');

    // The same client_msg_id again returns the original; another text under it is refused.
    const replay = await request(visitorSocket, 'visitor:send_message',
      { conversation_id: visitor.conversation_id, text: 'hello over the socket', client_msg_id: clientMsgId });
    assert.equal(replay.id, ack.id);
    const conflict = await request(visitorSocket, 'visitor:send_message',
      { conversation_id: visitor.conversation_id, text: 'something else', client_msg_id: clientMsgId });
    assert.equal(conflict.error.code, 'client_msg_id_conflict');
  });

  test('an agent reply over REST reaches the visitor socket; conversation internals do not', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    const updates = record(visitorSocket, 'conversation:updated');
    const received = nextEvent(visitorSocket, 'message:new', (m) => m.text === 'a reply from REST');
    await agentReply(hub, agent.token, visitor.conversation_id, 'a reply from REST');
    const message = await received;
    assert.equal(message.sender_type, 'agent');
    assert.equal(message.conversation_id, visitor.conversation_id);
    assert.deepEqual(updates(), []);
  });

  test('an agent joins a conversation, replies with an ack, and typing flows both ways', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    const agentSocket = await open({ token: agent.token });
    const joined = await request(agentSocket, 'agent:join_conversation', visitor.conversation_id);
    assert.deepEqual(joined, { conversation_id: visitor.conversation_id, joined: true });

    const agentTyping = nextEvent(visitorSocket, 'agent:typing');
    agentSocket.emit('agent:typing', { conversation_id: visitor.conversation_id, is_typing: true });
    const typing = await agentTyping;
    assert.equal(typing.agent_id, agent.agent.id);
    assert.equal(typing.is_typing, true);

    const visitorTyping = nextEvent(agentSocket, 'visitor:typing');
    visitorSocket.emit('visitor:typing', { is_typing: true });
    assert.deepEqual(await visitorTyping,
      { conversation_id: visitor.conversation_id, visitor_id: visitor.visitor_id, is_typing: true });

    const received = nextEvent(visitorSocket, 'message:new', (m) => m.sender_type === 'agent');
    const ack = await request(agentSocket, 'agent:send_message',
      { conversation_id: visitor.conversation_id, text: 'hi from the portal' });
    assert.equal(ack.sender_id, agent.agent.id);
    assert.equal((await received).id, ack.id);
  });

  test('an agent of another widget hears nothing of this one and cannot join its conversations', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const outsider = await open({ token: otherAgent.token });
    const heard = record(outsider, 'message:new');
    const refused = await request(outsider, 'agent:join_conversation', { conversation_id: visitor.conversation_id });
    assert.equal(refused.error.code, 'not_found');
    const agentSocket = await open({ token: agent.token });
    const delivered = nextEvent(agentSocket, 'message:new', (m) => m.text === 'for demo agents only');
    await sendVisitorMessage(hub, visitor, 'for demo agents only');
    await delivered;
    assert.deepEqual(heard(), []);
  });

  test("an agent's sockets close when its access changes; the reconnect is scoped anew, or refused", { timeout: TEST_TIMEOUT_MS }, async () => {
    const member = await createAgent(hub, admin, { widgets: ['demo'] });
    const secondSession = (await login(hub, member.email, member.password)).token;
    const disconnected = (socket) => new Promise((resolve) => socket.once('disconnect', resolve));
    const hears = async (socket, text) => {
      const heard = nextEvent(socket, 'message:new', (m) => m.text === text, 1000).then(() => true, () => false);
      await sendVisitorMessage(hub, await initVisitor(hub), text);
      return heard;
    };

    // A logout closes the sockets of that session, not those of the agent's other session.
    const first = await open({ token: member.token });
    const second = await open({ token: secondSession });
    const firstGone = disconnected(first);
    expectStatus(await post(hub, '/api/auth/logout', {}, { token: member.token }), 204);
    await firstGone;
    assert.equal(await hears(second, unique('still heard')), true);
    await assert.rejects(connectSocket(hub, { token: member.token }), /authentication failed/);

    // Taken off the widget: the socket goes, and the session, which stands, reconnects without the widget's events.
    const secondGone = disconnected(second);
    expectStatus(await patch(hub, `/api/agents/${member.agent.id}`, { widgets: ['other'] }, { token: admin }), 200);
    await secondGone;
    const rescoped = await open({ token: secondSession });
    assert.equal(await hears(rescoped, unique('no longer theirs')), false);

    // Deactivated: the socket goes and cannot come back.
    const rescopedGone = disconnected(rescoped);
    expectStatus(await del(hub, `/api/agents/${member.agent.id}`, { token: admin }), 204);
    await rescopedGone;
    await assert.rejects(connectSocket(hub, { token: secondSession }), /authentication failed/);
  });

  test('catch-up: a visitor that reconnects gets every message after its last seq, exactly once, in order', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub, { message: 'one' });
    let socket = await open({ visitor_token: visitor.visitor_token });
    socket.close();
    for (const text of ['two', 'three', 'four']) await agentReply(hub, agent.token, visitor.conversation_id, text);
    socket = await open({ visitor_token: visitor.visitor_token });
    const page = await request(socket, 'visitor:sync', { after_seq: 1 });
    assert.deepEqual(page.messages.map((m) => [m.seq, m.text]), [[2, 'two'], [3, 'three'], [4, 'four']]);
    assert.equal(page.has_more, false);
  });

  test('catch-up after a drop mid-burst: live messages plus visitor:sync give every message exactly once, in order', { timeout: TEST_TIMEOUT_MS }, async () => {
    const BURST = 40;
    const DROP_AFTER = 10;
    const visitor = await initVisitor(hub);
    const first = await open({ visitor_token: visitor.visitor_token });
    const live = [];
    let dropped;
    const droppedNow = new Promise((resolve) => { dropped = resolve; });
    first.on('message:new', (message) => {
      live.push(message);
      if (live.length === DROP_AFTER) {
        // The connection dies under the client, as on a network change: no Socket.IO DISCONNECT is sent.
        first.io.engine.transport.ws.terminate();
        dropped();
      }
    });
    const sending = (async () => {
      for (let i = 1; i <= BURST; i += 1) await agentReply(hub, agent.token, visitor.conversation_id, `burst ${i}`);
    })();
    await droppedNow;
    await sending;

    const seqs = live.map((m) => m.seq);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'live delivery is in order and without gaps');
    const second = await open({ visitor_token: visitor.visitor_token });
    const page = await request(second, 'visitor:sync', { after_seq: seqs.at(-1) });
    assert.equal(page.has_more, false);
    const all = [...live, ...page.messages];
    assert.deepEqual(all.map((m) => m.seq), Array.from({ length: BURST }, (_, i) => i + 1));
    assert.deepEqual(all.map((m) => m.text), Array.from({ length: BURST }, (_, i) => `burst ${i + 1}`));
    assert.ok(page.messages.length > 0, 'the drop came before the burst ended, so catch-up had work to do');
  });

  test('a peer that stops answering pings is closed ping_timeout_ms after the unanswered ping', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const { ws, next, closed } = await rawSocket(hub);
    await next();
    ws.send('40' + JSON.stringify({ visitor_token: visitor.visitor_token }));
    assert.match(await next(), /^40\{"sid":/);
    assert.equal(await next(), '2', 'the server pings');
    const pinged = Date.now();
    const { code, reason } = await closed;
    assert.equal(code, 1008);
    assert.equal(reason, 'ping timeout');
    assert.ok(Date.now() - pinged >= PING_TIMEOUT_MS - 50, `closed ${Date.now() - pinged} ms after the ping`);
  });

  test("an agent signs in with the portal's session cookie, from the hub's own pages only", { timeout: TEST_TIMEOUT_MS }, async () => {
    const res = await post(hub, '/api/auth/login', { email: agent.email, password: agent.password });
    expectStatus(res, 200);
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sb_session=')).split(';')[0];

    const socket = await connectSocket(hub, {}, { extraHeaders: { Cookie: cookie } });
    try {
      const heartbeat = await request(socket, 'agent:heartbeat');
      assert.equal(typeof heartbeat.heartbeat_s, 'number', 'an agent socket');
    } finally {
      socket.close();
    }
    // Browsers attach the cookie to any page's WebSocket: from another site's page it signs nobody in.
    await assert.rejects(
      connectSocket(hub, {}, { extraHeaders: { Cookie: cookie, Origin: 'https://elsewhere.example' } }),
      /authentication failed/);
  });

  test('a connection survives several ping intervals', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const socket = await open({ visitor_token: visitor.visitor_token });
    const disconnected = record(socket, 'disconnect');
    await new Promise((resolve) => setTimeout(resolve, PING_INTERVAL_MS * 5));
    assert.deepEqual(disconnected(), []);
    assert.equal(socket.connected, true);
    const ack = await request(socket, 'visitor:send_message', { conversation_id: visitor.conversation_id, text: 'still here' });
    assert.equal(ack.text, 'still here');
  });
});

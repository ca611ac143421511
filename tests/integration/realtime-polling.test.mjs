// Engine.IO long-polling: stock Socket.IO clients with default options, and clients that cannot use WebSocket,
// connect and talk over plain HTTP requests.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { useHub } from './lib/hub.mjs';
import { adminToken, agentReply, createAgent, eventually, initVisitor, unique } from './lib/api.mjs';
import { connectSocket, nextEvent, request, socketOpener } from './lib/socket.mjs';

const TEST_TIMEOUT_MS = 15_000;
const SEPARATOR = '\x1e';

/// A raw long-polling session: the handshake's answer and helpers to poll and post.
async function rawSession(hub, headers = {}) {
  const res = await fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`, { headers });
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.equal(text[0], '0', `an open packet, not ${text}`);
  const handshake = JSON.parse(text.slice(1));
  const { sid } = handshake;
  const url = `${hub.url}/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
  return {
    sid,
    handshake,
    response: res,
    poll: () => fetch(url),
    post: (body) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }),
  };
}

describe('Engine.IO long-polling', () => {
  const hub = useHub({ hub: { realtime: { ping_interval_ms: 1000, ping_timeout_ms: 1000 } } });
  const open = socketOpener(hub);
  let agent;

  before(async () => {
    const admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
  });

  test('a stock client with default options connects by polling, then moves to WebSocket', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const visitorSocket = await connectSocket(hub, { visitor_token: visitor.visitor_token }, { transports: undefined });
    try {
      const engine = visitorSocket.io.engine;
      if (engine.transport.name !== 'websocket') await new Promise((resolve) => engine.once('upgrade', resolve));
      assert.equal(engine.transport.name, 'websocket');
      const agentSocket = await open({ token: agent.token });
      const clientMsgId = unique('c');
      const received = nextEvent(agentSocket, 'message:new', (m) => m.client_msg_id === clientMsgId);
      const ack = await request(visitorSocket, 'visitor:send_message',
        { conversation_id: visitor.conversation_id, text: 'hello by polling', client_msg_id: clientMsgId });
      assert.equal(ack.text, 'hello by polling');
      assert.equal((await received).id, ack.id);

      const reply = nextEvent(visitorSocket, 'message:new', (m) => m.text === 'an answer while polling');
      await agentReply(hub, agent.token, visitor.conversation_id, 'an answer while polling');
      assert.equal((await reply).sender_type, 'agent');
    } finally {
      visitorSocket.close();
    }
  });

  test('messages sent while the client moves to WebSocket arrive once each, in order', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const visitorSocket = await connectSocket(hub, { visitor_token: visitor.visitor_token }, { transports: undefined });
    try {
      const texts = Array.from({ length: 20 }, (_, i) => `reply ${i}`);
      const seen = [];
      visitorSocket.on('message:new', (m) => seen.push(m.text));
      const engine = visitorSocket.io.engine;
      const upgraded = engine.transport.name === 'websocket' || new Promise((resolve) => engine.once('upgrade', resolve));
      for (const text of texts) await agentReply(hub, agent.token, visitor.conversation_id, text);
      await upgraded;
      await eventually(() => seen.length >= texts.length, 'every reply arrived');
      assert.deepEqual(seen, texts);
    } finally {
      visitorSocket.close();
    }
  });

  test('a client that may only poll signs in as an agent and hears of new messages', { timeout: TEST_TIMEOUT_MS }, async () => {
    const agentSocket = await connectSocket(hub, { token: agent.token }, { transports: ['polling'] });
    try {
      const visitor = await initVisitor(hub);
      const visitorSocket = await open({ visitor_token: visitor.visitor_token });
      const clientMsgId = unique('c');
      const received = nextEvent(agentSocket, 'message:new', (m) => m.client_msg_id === clientMsgId);
      await request(visitorSocket, 'visitor:send_message',
        { conversation_id: visitor.conversation_id, text: 'to a polling agent', client_msg_id: clientMsgId });
      assert.equal((await received).text, 'to a polling agent');
    } finally {
      agentSocket.close();
    }
  });

  test('the handshake is plain text with the session, and allowed widget pages may read it', async () => {
    const session = await rawSession(hub, { Origin: 'https://shop.example' });
    assert.match(session.response.headers.get('content-type'), /^text\/plain/);
    assert.equal(session.response.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(session.response.headers.get('cache-control'), 'no-store');
    assert.ok(session.sid.length > 0);
    assert.deepEqual(session.handshake.upgrades, ['websocket'], 'a polling session is offered the WebSocket');
  });

  test('posted packets are answered ok and a waiting poll gets what the hub sends', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const session = await rawSession(hub);
    const connected = session.poll();
    const posted = await session.post(`40${JSON.stringify({ visitor_token: visitor.visitor_token })}`);
    assert.equal(posted.status, 200);
    assert.equal(await posted.text(), 'ok');
    const answer = await (await connected).text();
    assert.match(answer.split(SEPARATOR)[0], /^40\{"sid":/, 'the Socket.IO CONNECT is answered through the poll');
  });

  test('an unknown session, a post without one and overlapping polls are refused', { timeout: TEST_TIMEOUT_MS }, async () => {
    const unknown = await fetch(`${hub.url}/socket.io/?EIO=4&transport=polling&sid=nope`);
    assert.equal(unknown.status, 400);
    assert.equal((await unknown.json()).error.code, 'invalid_request');

    const noSid = await fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`, { method: 'POST', body: '2' });
    assert.equal(noSid.status, 400);

    // Two polls at once: whichever arrives second is refused, and the one waiting gets the session's end.
    const session = await rawSession(hub);
    const answers = await Promise.all([session.poll(), session.poll()]);
    assert.deepEqual(answers.map((res) => res.status).sort(), [200, 400]);
    assert.equal(await answers.find((res) => res.status === 200).text(), '1');
    assert.equal((await session.poll()).status, 400, 'the session is gone');
  });

  test('a WebSocket for an unknown session is refused', { timeout: TEST_TIMEOUT_MS }, async () => {
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket&sid=nope`);
    const status = await new Promise((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('open', () => reject(new Error('the upgrade was accepted')));
      ws.on('error', () => {});
    });
    assert.equal(status, 400);
  });

  test('a probe that is not one leaves the session polling', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const session = await rawSession(hub);
    await session.post(`40${JSON.stringify({ visitor_token: visitor.visitor_token })}`);
    assert.match(await (await session.poll()).text(), /^40/);
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket&sid=${session.sid}`);
    await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
    const closed = new Promise((resolve) => ws.on('close', resolve));
    ws.send('4not a probe');
    await closed;
    // The session goes on by polling: a ping comes, and a pong keeps it.
    assert.equal(await (await session.poll()).text(), '2');
    assert.equal((await session.post('3')).status, 200);
  });

  test('a malformed posted payload ends the session', { timeout: TEST_TIMEOUT_MS }, async () => {
    const session = await rawSession(hub);
    const bad = await session.post(`4a${SEPARATOR}${SEPARATOR}4b`);
    assert.equal(bad.status, 400);
    assert.equal(await (await session.poll()).text(), '1');
  });

  test('a session whose client stops answering pings is closed', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const session = await rawSession(hub);
    await session.post(`40${JSON.stringify({ visitor_token: visitor.visitor_token })}`);
    assert.match(await (await session.poll()).text(), /^40/);
    // No pong is ever posted: after the ping interval and timeout the hub ends the session.
    const ping = await (await session.poll()).text();
    assert.equal(ping, '2');
    const end = await (await session.poll()).text();
    assert.equal(end, '1');
  });
});

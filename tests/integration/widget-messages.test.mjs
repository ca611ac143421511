import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, UUID, adminToken, agentReply, assertError, conversationAction, expectStatus, get, initVisitor, post,
  request, sendVisitorMessage, unique, visitorMessage, visitorMessages,
} from './lib/api.mjs';

// The test hub allows 200 characters per message and 4096 bytes per body.
const MAX_CHARS = 200;
const MAX_BODY = 4096;

describe('visitor messages', () => {
  const hub = useHub();
  let admin;
  before(async () => {
    admin = await adminToken(hub);
  });

  test('POST /api/widget/messages stores the message: 201 with the next seq', async () => {
    const visitor = await initVisitor(hub, { message: 'first' });
    const clientMsgId = unique('c');
    const message = await sendVisitorMessage(hub, visitor, 'second', clientMsgId);
    assert.match(message.id, UUID);
    assert.equal(message.conversation_id, visitor.conversation_id);
    assert.equal(message.seq, 2);
    assert.equal(message.sender_type, 'visitor');
    assert.equal(message.sender_id, visitor.visitor_id);
    assert.equal(message.text, 'second');
    assert.equal(message.client_msg_id, clientMsgId);
    assert.match(message.created_at, TIMESTAMP);
    assert.equal(message.read_by_agent_at, null);

    const third = await sendVisitorMessage(hub, visitor, 'third');
    assert.equal(third.seq, 3);
    assert.equal(third.client_msg_id, null);
  });

  test('a replay with the same client_msg_id and text returns the original: 200', async () => {
    const visitor = await initVisitor(hub);
    const clientMsgId = unique('c');
    const original = await sendVisitorMessage(hub, visitor, 'only once', clientMsgId);
    const replay = await visitorMessage(hub, visitor, 'only once', clientMsgId);
    assert.deepEqual(expectStatus(replay, 200), original);
    const { messages } = await visitorMessages(hub, visitor);
    assert.deepEqual(messages.map((m) => m.text), ['only once'], 'the replay stored nothing');
  });

  test('concurrent submissions with one client_msg_id store one message', async () => {
    const visitor = await initVisitor(hub);
    const clientMsgId = unique('c');
    const results = await Promise.all(Array.from({ length: 6 }, () => visitorMessage(hub, visitor, 'racing', clientMsgId)));
    const statuses = results.map((res) => res.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(results.map((res) => res.body.id)).size, 1);
    const { messages } = await visitorMessages(hub, visitor);
    assert.equal(messages.length, 1);
  });

  test('the same client_msg_id with a different text is 409 client_msg_id_conflict', async () => {
    const visitor = await initVisitor(hub);
    const clientMsgId = unique('c');
    await sendVisitorMessage(hub, visitor, 'original text', clientMsgId);
    assertError(await visitorMessage(hub, visitor, 'changed text', clientMsgId), 409, 'client_msg_id_conflict');
  });

  test('client_msg_id is scoped to its conversation', async () => {
    const a = await initVisitor(hub);
    const b = await initVisitor(hub);
    const clientMsgId = unique('c');
    await sendVisitorMessage(hub, a, 'in a', clientMsgId);
    const inB = await sendVisitorMessage(hub, b, 'in b', clientMsgId);
    assert.equal(inB.conversation_id, b.conversation_id);
  });

  test('client_msg_id is at most 100 characters: 422 validation_failed', async () => {
    const visitor = await initVisitor(hub);
    await sendVisitorMessage(hub, visitor, 'ok', 'x'.repeat(100));
    assertError(await visitorMessage(hub, visitor, 'too long id', 'y'.repeat(101)), 422, 'validation_failed', 'client_msg_id');
  });

  test("another visitor's conversation is 404 not_found", async () => {
    const owner = await initVisitor(hub);
    const intruder = await initVisitor(hub);
    const res = await post(hub, '/api/widget/messages', { conversation_id: owner.conversation_id, text: 'hi' },
      { token: intruder.visitor_token });
    assertError(res, 404, 'not_found');
    const read = await get(hub, `/api/widget/messages?conversation_id=${owner.conversation_id}`, { token: intruder.visitor_token });
    assertError(read, 404, 'not_found');
  });

  test('an unknown conversation is 404 not_found', async () => {
    const visitor = await initVisitor(hub);
    const res = await post(hub, '/api/widget/messages',
      { conversation_id: '00000000-0000-4000-8000-000000000000', text: 'hi' }, { token: visitor.visitor_token });
    assertError(res, 404, 'not_found');
  });

  test('without a valid visitor token the call is 401 unauthorized', async () => {
    const visitor = await initVisitor(hub);
    const body = { conversation_id: visitor.conversation_id, text: 'hi' };
    assertError(await post(hub, '/api/widget/messages', body), 401, 'unauthorized');
    assertError(await post(hub, '/api/widget/messages', body, { token: 'nope' }), 401, 'unauthorized');
    assertError(await post(hub, '/api/widget/messages', body, { headers: { Authorization: visitor.visitor_token } }),
      401, 'unauthorized');
    assertError(await get(hub, `/api/widget/messages?conversation_id=${visitor.conversation_id}`), 401, 'unauthorized');
  });

  test('an agent session is not a visitor token', async () => {
    const visitor = await initVisitor(hub);
    const res = await post(hub, '/api/widget/messages', { conversation_id: visitor.conversation_id, text: 'hi' }, { token: admin });
    assertError(res, 401, 'unauthorized');
  });

  test('conversation_id and text are required', async () => {
    const visitor = await initVisitor(hub);
    const token = visitor.visitor_token;
    assertError(await post(hub, '/api/widget/messages', { text: 'hi' }, { token }), 400, 'missing_field', 'conversation_id');
    assertError(await post(hub, '/api/widget/messages', { conversation_id: visitor.conversation_id }, { token }),
      400, 'missing_field', 'text');
    assertError(await post(hub, '/api/widget/messages', { conversation_id: visitor.conversation_id, text: 7 }, { token }),
      400, 'invalid_field', 'text');
  });

  test('an empty or blank message is 422 empty_message', async () => {
    const visitor = await initVisitor(hub);
    assertError(await visitorMessage(hub, visitor, ''), 422, 'empty_message');
    assertError(await visitorMessage(hub, visitor, ' \n\t '), 422, 'empty_message');
  });

  test(`exactly ${MAX_CHARS} characters is accepted, one more is 422 message_too_long`, async () => {
    const visitor = await initVisitor(hub);
    const atLimit = await sendVisitorMessage(hub, visitor, 'a'.repeat(MAX_CHARS));
    assert.equal(atLimit.text.length, MAX_CHARS);
    assertError(await visitorMessage(hub, visitor, 'a'.repeat(MAX_CHARS + 1)), 422, 'message_too_long');
  });

  test('the limit counts Unicode characters, not bytes or UTF-16 units', async () => {
    const visitor = await initVisitor(hub);
    const emoji = '\u{1F600}'; // 4 bytes in UTF-8, 2 UTF-16 units, 1 character
    const atLimit = await sendVisitorMessage(hub, visitor, emoji.repeat(MAX_CHARS));
    assert.equal([...atLimit.text].length, MAX_CHARS);
    assertError(await visitorMessage(hub, visitor, emoji.repeat(MAX_CHARS + 1)), 422, 'message_too_long');
    await sendVisitorMessage(hub, visitor, 'é'.repeat(MAX_CHARS));
  });

  test(`a body over ${MAX_BODY} bytes is 413 payload_too_large`, async () => {
    const visitor = await initVisitor(hub);
    const res = await visitorMessage(hub, visitor, 'b'.repeat(MAX_BODY + 100));
    assertError(res, 413, 'payload_too_large');
  });

  test('a chunked body over the limit is 413 payload_too_large as well', async () => {
    const visitor = await initVisitor(hub);
    const res = await request(hub, 'POST', '/api/widget/messages', {
      body: { conversation_id: visitor.conversation_id, text: 'c'.repeat(MAX_BODY * 2) },
      token: visitor.visitor_token,
      chunked: true,
    });
    assertError(res, 413, 'payload_too_large');
    const { messages } = await visitorMessages(hub, visitor);
    assert.deepEqual(messages, []);
  });

  test('a body just under the limit is read in full', async () => {
    const visitor = await initVisitor(hub);
    const body = { conversation_id: visitor.conversation_id, text: 'fits', padding: '' };
    body.padding = 'p'.repeat(MAX_BODY - Buffer.byteLength(JSON.stringify(body)));
    assert.equal(Buffer.byteLength(JSON.stringify(body)), MAX_BODY);
    const res = await post(hub, '/api/widget/messages', body, { token: visitor.visitor_token });
    assert.equal(expectStatus(res, 201).text, 'fits');
  });

  test('GET /api/widget/messages?after_seq returns exactly the later messages in order', async () => {
    const visitor = await initVisitor(hub, { message: 'm1' });
    for (const text of ['m2', 'm3', 'm4', 'm5']) await sendVisitorMessage(hub, visitor, text);

    const all = await visitorMessages(hub, visitor);
    assert.deepEqual(all.messages.map((m) => [m.seq, m.text]), [[1, 'm1'], [2, 'm2'], [3, 'm3'], [4, 'm4'], [5, 'm5']]);
    assert.equal(all.has_more, false);

    const later = await visitorMessages(hub, visitor, { after_seq: 2 });
    assert.deepEqual(later.messages.map((m) => m.seq), [3, 4, 5]);
    assert.equal(later.has_more, false);

    const page = await visitorMessages(hub, visitor, { after_seq: 1, limit: 2 });
    assert.deepEqual(page.messages.map((m) => m.seq), [2, 3]);
    assert.equal(page.has_more, true);

    const none = await visitorMessages(hub, visitor, { after_seq: 5 });
    assert.deepEqual(none.messages, []);
    assert.equal(none.has_more, false);
  });

  test('a bad after_seq or limit is 400 invalid_field', async () => {
    const visitor = await initVisitor(hub);
    const base = `/api/widget/messages?conversation_id=${visitor.conversation_id}`;
    const token = visitor.visitor_token;
    assertError(await get(hub, `${base}&after_seq=abc`, { token }), 400, 'invalid_field', 'after_seq');
    assertError(await get(hub, `${base}&after_seq=-1`, { token }), 400, 'invalid_field', 'after_seq');
    assertError(await get(hub, `${base}&limit=0`, { token }), 400, 'invalid_field', 'limit');
    assertError(await get(hub, `${base}&limit=501`, { token }), 400, 'invalid_field', 'limit');
    assertError(await get(hub, '/api/widget/messages', { token }), 400, 'missing_field', 'conversation_id');
  });

  test('agent replies reach the visitor', async () => {
    const visitor = await initVisitor(hub, { message: 'question' });
    await agentReply(hub, admin, visitor.conversation_id, 'answer');
    const { messages } = await visitorMessages(hub, visitor, { after_seq: 1 });
    assert.equal(messages.length, 1);
    assert.equal(messages[0].sender_type, 'agent');
    assert.equal(messages[0].text, 'answer');
    assert.equal(messages[0].seq, 2);
  });

  test('Unicode text is stored and returned verbatim', async () => {
    const visitor = await initVisitor(hub);
    const texts = [
      'Hello 👋🏽 family: 👨‍👩‍👧‍👦 flag: 🇳🇿',
      'مرحبا، كيف يمكنني المساعدة؟',
      'שלום עולם \u200f(RTL mark)',
      '日本語のテキスト 中文 한국어',
      'e\u0301 (combining) vs \u00e9 (precomposed)',
      'quotes " \' \\ backslash, tab\tand\nnewline',
    ];
    for (const text of texts) assert.equal((await sendVisitorMessage(hub, visitor, text)).text, text);
    const { messages } = await visitorMessages(hub, visitor);
    assert.deepEqual(messages.map((m) => m.text), texts);
    const agentView = expectStatus(await get(hub, `/api/conversations/${visitor.conversation_id}/messages?limit=50`, { token: admin }), 200);
    assert.deepEqual(agentView.messages.map((m) => m.text), texts);
  });

  test('HTML and script text is stored verbatim, not escaped or stripped', async () => {
    const visitor = await initVisitor(hub);
    const text = '<script>alert("x")</script><b>bold</b> & <img src=x onerror=alert(1)> &amp;';
    assert.equal((await sendVisitorMessage(hub, visitor, text)).text, text);
    const { messages } = await visitorMessages(hub, visitor);
    assert.equal(messages[0].text, text);
  });

  test('a resolved conversation takes no more messages: 409 conversation_closed', async () => {
    const visitor = await initVisitor(hub, { message: 'hi' });
    expectStatus(await conversationAction(hub, admin, visitor.conversation_id, 'resolve'), 200);
    assertError(await visitorMessage(hub, visitor, 'are you there?'), 409, 'conversation_closed');
    const { messages } = await visitorMessages(hub, visitor);
    assert.deepEqual(messages.map((m) => m.text), ['hi']);
  });
});

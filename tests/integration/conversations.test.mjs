import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, adminToken, agentReply, assertError, conversation, conversationAction, createAgent, expectStatus, get,
  initVisitor, listAll, nextMillis, patch, post, query, sendVisitorMessage, unique, visitorMessages,
} from './lib/api.mjs';

const lastActivity = (c) => c.last_message_at ?? c.created_at;

describe('agent conversations', () => {
  const hub = useHub();
  let admin;
  let alice; // agent of demo
  let bob; // second agent of demo
  before(async () => {
    admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { display_name: 'Alice', widgets: ['demo'] });
    bob = await createAgent(hub, admin, { display_name: 'Bob', widgets: ['demo'] });
  });

  test('the list is newest activity first and carries unread_count and the last message', async () => {
    const marker = unique('order');
    const a = await initVisitor(hub, { name: `${marker} A`, message: 'a1' });
    await nextMillis();
    const b = await initVisitor(hub, { name: `${marker} B`, message: 'b1' });
    await nextMillis();
    const c = await initVisitor(hub, { name: `${marker} C` });
    await nextMillis();
    await sendVisitorMessage(hub, a, 'a2 is the newest');

    const listed = await listAll(hub, alice.token, { q: marker });
    assert.deepEqual(listed.map((conv) => conv.id), [a.conversation_id, c.conversation_id, b.conversation_id]);
    const [first] = listed;
    assert.equal(first.unread_count, 2);
    assert.equal(first.last_seq, 2);
    assert.equal(first.last_message.text, 'a2 is the newest');
    assert.equal(first.last_message.sender_type, 'visitor');
    assert.match(first.last_message.created_at, TIMESTAMP);
    assert.equal(first.visitor.name, `${marker} A`);
    assert.equal(listed[1].last_message, null);
    assert.equal(listed[1].unread_count, 0);

    const everything = await listAll(hub, alice.token);
    for (let i = 1; i < everything.length; i += 1) {
      assert.ok(lastActivity(everything[i - 1]) >= lastActivity(everything[i]), 'sorted by last activity, newest first');
    }
  });

  test('cursor pagination walks every conversation once, without gaps', async () => {
    const marker = unique('page');
    const ids = [];
    for (let i = 0; i < 7; i += 1) ids.push((await initVisitor(hub, { name: `${marker} ${i}`, message: `hello ${i}` })).conversation_id);

    const seen = [];
    let cursor;
    let pages = 0;
    do {
      const res = await get(hub, `/api/conversations${query({ q: marker, limit: 3, cursor })}`, { token: alice.token });
      const body = expectStatus(res, 200);
      assert.ok(body.conversations.length <= 3);
      seen.push(...body.conversations.map((conv) => conv.id));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, seen.length, 'no conversation twice');
    assert.deepEqual([...seen].sort(), [...ids].sort(), 'every conversation once');

    const single = expectStatus(await get(hub, `/api/conversations${query({ q: marker, limit: 100 })}`, { token: alice.token }), 200);
    assert.deepEqual(seen, single.conversations.map((conv) => conv.id), 'pages keep the order of one big page');
    assert.equal(single.next_cursor, null);
  });

  test('a cursor stays valid while new conversations arrive', async () => {
    const marker = unique('stable');
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push((await initVisitor(hub, { name: `${marker} ${i}` })).conversation_id);
    const first = expectStatus(await get(hub, `/api/conversations${query({ q: marker, limit: 2 })}`, { token: alice.token }), 200);
    await initVisitor(hub, { name: `${marker} late` });
    const second = expectStatus(
      await get(hub, `/api/conversations${query({ q: marker, limit: 2, cursor: first.next_cursor })}`, { token: alice.token }), 200);
    const seen = [...first.conversations, ...second.conversations].map((conv) => conv.id);
    assert.deepEqual([...seen].sort(), [...ids].sort());
  });

  test('a garbage cursor is 400 invalid_field', async () => {
    assertError(await get(hub, '/api/conversations?cursor=garbage!', { token: alice.token }), 400, 'invalid_field', 'cursor');
  });

  test('the status filter takes a comma-separated list', async () => {
    const marker = unique('status');
    const waiting = await initVisitor(hub, { name: `${marker} waiting` });
    const active = await initVisitor(hub, { name: `${marker} active`, message: 'help' });
    await agentReply(hub, alice.token, active.conversation_id, 'on it');
    const resolved = await initVisitor(hub, { name: `${marker} resolved` });
    expectStatus(await conversationAction(hub, alice.token, resolved.conversation_id, 'resolve'), 200);
    const reopened = await initVisitor(hub, { name: `${marker} reopened` });
    expectStatus(await conversationAction(hub, alice.token, reopened.conversation_id, 'resolve'), 200);
    expectStatus(await conversationAction(hub, alice.token, reopened.conversation_id, 'reopen'), 200);

    const ids = async (status) => (await listAll(hub, alice.token, { q: marker, status })).map((conv) => conv.id).sort();
    assert.deepEqual(await ids('bot'), [], 'the demo widget has no bot');
    assert.deepEqual(await ids('active'), [active.conversation_id]);
    assert.deepEqual(await ids('resolved'), [resolved.conversation_id]);
    assert.deepEqual(await ids('pending'), [waiting.conversation_id, reopened.conversation_id].sort());
    assert.deepEqual(await ids('bot,active'), [active.conversation_id]);
    assertError(await get(hub, '/api/conversations?status=bot,sleeping', { token: alice.token }), 400, 'invalid_field', 'status');
  });

  test('the assigned filter: me, unassigned, or an agent id', async () => {
    const marker = unique('assigned');
    const mine = await initVisitor(hub, { name: `${marker} mine` });
    const bobs = await initVisitor(hub, { name: `${marker} bobs` });
    const nobodys = await initVisitor(hub, { name: `${marker} nobody` });
    expectStatus(await conversationAction(hub, alice.token, mine.conversation_id, 'assign', { agent_id: alice.agent.id }), 200);
    expectStatus(await conversationAction(hub, alice.token, bobs.conversation_id, 'assign', { agent_id: bob.agent.id }), 200);

    const ids = async (assigned) => (await listAll(hub, alice.token, { q: marker, assigned })).map((conv) => conv.id);
    assert.deepEqual(await ids('me'), [mine.conversation_id]);
    assert.deepEqual(await ids('unassigned'), [nobodys.conversation_id]);
    assert.deepEqual(await ids(bob.agent.id), [bobs.conversation_id]);
    assertError(await get(hub, '/api/conversations?assigned=someone', { token: alice.token }), 400, 'invalid_field', 'assigned');
  });

  test('PATCH sets priority, tags and subject; the list filters on priority and tag', async () => {
    const marker = unique('patch');
    const urgent = await initVisitor(hub, { name: `${marker} urgent` });
    const plain = await initVisitor(hub, { name: `${marker} plain` });
    const res = await patch(hub, `/api/conversations/${urgent.conversation_id}`,
      { priority: 'urgent', tags: ['vip', 'billing'], subject: 'Refund for order 1234' }, { token: alice.token });
    const updated = expectStatus(res, 200);
    assert.equal(updated.priority, 'urgent');
    assert.deepEqual([...updated.tags].sort(), ['billing', 'vip']);
    assert.equal(updated.subject, 'Refund for order 1234');

    const onlyTags = expectStatus(await patch(hub, `/api/conversations/${urgent.conversation_id}`, { tags: ['vip'] }, { token: alice.token }), 200);
    assert.deepEqual(onlyTags.tags, ['vip']);
    assert.equal(onlyTags.priority, 'urgent', 'fields not given are kept');

    const ids = async (params) => (await listAll(hub, alice.token, { q: marker, ...params })).map((conv) => conv.id);
    assert.deepEqual(await ids({ priority: 'urgent' }), [urgent.conversation_id]);
    assert.deepEqual(await ids({ priority: 'normal' }), [plain.conversation_id]);
    assert.deepEqual(await ids({ tag: 'vip' }), [urgent.conversation_id]);
    assert.deepEqual(await ids({ tag: 'billing' }), []);
  });

  test('bad enums and types are 400 invalid_field', async () => {
    const visitor = await initVisitor(hub);
    const path = `/api/conversations/${visitor.conversation_id}`;
    assertError(await patch(hub, path, { priority: 'asap' }, { token: alice.token }), 400, 'invalid_field', 'priority');
    assertError(await patch(hub, path, { tags: 'vip' }, { token: alice.token }), 400, 'invalid_field', 'tags');
    assertError(await patch(hub, path, { tags: [1] }, { token: alice.token }), 400, 'invalid_field', 'tags');
    assertError(await get(hub, '/api/conversations?priority=asap', { token: alice.token }), 400, 'invalid_field', 'priority');
    assert.equal((await conversation(hub, alice.token, visitor.conversation_id)).priority, 'normal');
  });

  test('a PATCH that changes nothing is 422 validation_failed', async () => {
    const visitor = await initVisitor(hub);
    const path = `/api/conversations/${visitor.conversation_id}`;
    assertError(await patch(hub, path, {}, { token: alice.token }), 422, 'validation_failed');
    assertError(await patch(hub, path, { colour: 'red' }, { token: alice.token }), 422, 'validation_failed');
    expectStatus(await patch(hub, path, { subject: null }, { token: alice.token }), 200);
  });

  test('q searches visitor names, emails and message text', async () => {
    const word = unique('needle');
    const byText = await initVisitor(hub, { message: `my ${word} is broken` });
    const email = `${unique('findme')}@example.com`;
    const byEmail = await initVisitor(hub, { email });
    assert.deepEqual((await listAll(hub, alice.token, { q: word })).map((conv) => conv.id), [byText.conversation_id]);
    assert.deepEqual((await listAll(hub, alice.token, { q: word.toUpperCase() })).map((conv) => conv.id), [byText.conversation_id]);
    assert.deepEqual((await listAll(hub, alice.token, { q: email })).map((conv) => conv.id), [byEmail.conversation_id]);
    assert.deepEqual(await listAll(hub, alice.token, { q: "%' OR 1=1 --" }), []);
  });

  test('GET /api/conversations/{id} returns the conversation with its visitor', async () => {
    const visitor = await initVisitor(hub, { name: 'Detail Visitor', message: 'detail' });
    const conv = await conversation(hub, alice.token, visitor.conversation_id);
    assert.equal(conv.id, visitor.conversation_id);
    assert.equal(conv.widget_id, 'demo');
    assert.equal(conv.status, 'pending');
    assert.equal(conv.visitor.id, visitor.visitor_id);
    assert.equal(conv.visitor.name, 'Detail Visitor');
    assert.match(conv.first_message_at, TIMESTAMP);
    assert.equal(conv.first_response_at, null);
    assert.equal(conv.resolved_at, null);
    assertError(await get(hub, '/api/conversations/00000000-0000-4000-8000-000000000000', { token: alice.token }), 404, 'not_found');
  });

  test('messages page backwards with before_seq and forwards with after_seq', async () => {
    const visitor = await initVisitor(hub, { message: 'p1' });
    for (const text of ['p2', 'p3', 'p4', 'p5']) await sendVisitorMessage(hub, visitor, text);
    const page = async (params) => {
      const res = await get(hub, `/api/conversations/${visitor.conversation_id}/messages${query(params)}`, { token: alice.token });
      const body = expectStatus(res, 200);
      return [body.messages.map((m) => m.seq), body.has_more];
    };
    assert.deepEqual(await page({}), [[1, 2, 3, 4, 5], false]);
    assert.deepEqual(await page({ limit: 2 }), [[4, 5], true], 'without a position: the newest page');
    assert.deepEqual(await page({ before_seq: 5, limit: 2 }), [[3, 4], true]);
    assert.deepEqual(await page({ before_seq: 3, limit: 2 }), [[1, 2], false]);
    assert.deepEqual(await page({ after_seq: 3 }), [[4, 5], false]);
    assert.deepEqual(await page({ after_seq: 0, limit: 2 }), [[1, 2], true]);
    for (const bad of ['x', '0', '-1']) {
      assertError(await get(hub, `/api/conversations/${visitor.conversation_id}/messages?before_seq=${bad}`, { token: alice.token }),
        400, 'invalid_field', 'before_seq');
    }
  });

  test('the first agent reply sets first_response_at, assigns the replier and makes the conversation active', async () => {
    const visitor = await initVisitor(hub, { message: 'anyone there?' });
    const reply = await agentReply(hub, alice.token, visitor.conversation_id, 'Hi, Alice here', unique('a'));
    assert.equal(reply.sender_type, 'agent');
    assert.equal(reply.sender_id, alice.agent.id);
    assert.equal(reply.sender_name, 'Alice');
    assert.equal(reply.seq, 2);

    const conv = await conversation(hub, alice.token, visitor.conversation_id);
    assert.equal(conv.status, 'active');
    assert.equal(conv.assigned_agent_id, alice.agent.id);
    assert.match(conv.first_response_at, TIMESTAMP);
    assert.ok(conv.first_response_at >= conv.first_message_at);

    await nextMillis();
    await agentReply(hub, bob.token, visitor.conversation_id, 'Bob chiming in');
    const after = await conversation(hub, alice.token, visitor.conversation_id);
    assert.equal(after.first_response_at, conv.first_response_at, 'only the first reply sets it');
    assert.equal(after.assigned_agent_id, alice.agent.id, 'a later reply does not take the conversation');

    const { messages } = await visitorMessages(hub, visitor, { after_seq: 1 });
    assert.deepEqual(messages.map((m) => [m.sender_type, m.text]), [['agent', 'Hi, Alice here'], ['agent', 'Bob chiming in']]);
  });

  test('agent replies are idempotent on client_msg_id and validated like visitor messages', async () => {
    const visitor = await initVisitor(hub);
    const id = unique('a');
    const first = await agentReply(hub, alice.token, visitor.conversation_id, 'once', id);
    const replay = await post(hub, `/api/conversations/${visitor.conversation_id}/messages`, { text: 'once', client_msg_id: id }, { token: alice.token });
    assert.deepEqual(expectStatus(replay, 200), first);
    const conflict = await post(hub, `/api/conversations/${visitor.conversation_id}/messages`, { text: 'twice', client_msg_id: id }, { token: alice.token });
    assertError(conflict, 409, 'client_msg_id_conflict');
    const path = `/api/conversations/${visitor.conversation_id}/messages`;
    assertError(await post(hub, path, { text: '' }, { token: alice.token }), 422, 'empty_message');
    assertError(await post(hub, path, { text: 'z'.repeat(201) }, { token: alice.token }), 422, 'message_too_long');
  });

  test('assign makes the conversation active; transfer moves it to another agent', async () => {
    const visitor = await initVisitor(hub);
    const id = visitor.conversation_id;
    assertError(await conversationAction(hub, alice.token, id, 'transfer', { agent_id: bob.agent.id }), 409, 'conflict');

    const assigned = expectStatus(await conversationAction(hub, alice.token, id, 'assign', { agent_id: alice.agent.id }), 200);
    assert.equal(assigned.status, 'active');
    assert.equal(assigned.assigned_agent_id, alice.agent.id);

    const transferred = expectStatus(await conversationAction(hub, alice.token, id, 'transfer', { agent_id: bob.agent.id }), 200);
    assert.equal(transferred.assigned_agent_id, bob.agent.id);
    assert.equal(transferred.status, 'active');
  });

  test('assigning to an agent who cannot take the conversation is 422 invalid_agent', async () => {
    const outsider = await createAgent(hub, admin, { widgets: ['other'] });
    const retired = await createAgent(hub, admin, { widgets: ['demo'] });
    expectStatus(await patch(hub, `/api/agents/${retired.agent.id}`, { active: false }, { token: admin }), 200);

    const visitor = await initVisitor(hub);
    const id = visitor.conversation_id;
    for (const agentId of [outsider.agent.id, retired.agent.id, '00000000-0000-4000-8000-000000000000']) {
      assertError(await conversationAction(hub, alice.token, id, 'assign', { agent_id: agentId }), 422, 'invalid_agent');
    }
    assertError(await conversationAction(hub, alice.token, id, 'assign', {}), 400, 'missing_field', 'agent_id');
    expectStatus(await conversationAction(hub, alice.token, id, 'assign', { agent_id: alice.agent.id }), 200);
    assertError(await conversationAction(hub, alice.token, id, 'transfer', { agent_id: outsider.agent.id }), 422, 'invalid_agent');
    assert.equal((await conversation(hub, alice.token, id)).assigned_agent_id, alice.agent.id);
  });

  test('resolve and reopen', async () => {
    const visitor = await initVisitor(hub, { message: 'problem' });
    const id = visitor.conversation_id;
    await agentReply(hub, alice.token, id, 'solution');
    const resolved = expectStatus(await conversationAction(hub, alice.token, id, 'resolve'), 200);
    assert.equal(resolved.status, 'resolved');
    assert.match(resolved.resolved_at, TIMESTAMP);
    const reopened = expectStatus(await conversationAction(hub, alice.token, id, 'reopen'), 200);
    assert.equal(reopened.status, 'active', 'assigned conversations reopen as active');
    assert.equal(reopened.resolved_at, null);

    const unassigned = await initVisitor(hub);
    expectStatus(await conversationAction(hub, alice.token, unassigned.conversation_id, 'resolve'), 200);
    const pending = expectStatus(await conversationAction(hub, alice.token, unassigned.conversation_id, 'reopen'), 200);
    assert.equal(pending.status, 'pending', 'unassigned conversations reopen as pending');
  });

  test('read marks visitor messages read, all of them or up to a seq', async () => {
    const visitor = await initVisitor(hub, { message: 'r1' });
    await sendVisitorMessage(hub, visitor, 'r2');
    await sendVisitorMessage(hub, visitor, 'r3');
    const id = visitor.conversation_id;
    assert.equal((await conversation(hub, alice.token, id)).unread_count, 3);

    const partial = expectStatus(await conversationAction(hub, alice.token, id, 'read', { up_to_seq: 2 }), 200);
    assert.deepEqual(partial, { conversation_id: id, unread_count: 1, read_up_to_seq: 2 });
    assert.equal((await conversation(hub, alice.token, id)).unread_count, 1);

    const all = expectStatus(await conversationAction(hub, alice.token, id, 'read'), 200);
    assert.deepEqual(all, { conversation_id: id, unread_count: 0, read_up_to_seq: 3 });
    const { messages } = expectStatus(await get(hub, `/api/conversations/${id}/messages`, { token: alice.token }), 200);
    for (const message of messages) assert.match(message.read_by_agent_at, TIMESTAMP);
    assert.equal((await conversation(hub, alice.token, id)).unread_count, 0);
  });
});

describe('widget access', () => {
  const hub = useHub();
  let admin;
  let demoAgent;
  let otherAgent;
  let demoConversation;
  let otherConversation;
  before(async () => {
    admin = await adminToken(hub);
    demoAgent = await createAgent(hub, admin, { widgets: ['demo'] });
    otherAgent = await createAgent(hub, admin, { widgets: ['other'] });
    demoConversation = (await initVisitor(hub, { message: 'demo question' })).conversation_id;
    otherConversation = expectStatus(await post(hub, '/api/widget/init', { widget_id: 'other', message: 'other question' }), 201).conversation_id;
  });

  test("an agent's list holds only the widgets it serves; an admin sees all", async () => {
    const demoIds = (await listAll(hub, demoAgent.token)).map((conv) => conv.id);
    assert.ok(demoIds.includes(demoConversation));
    assert.ok(!demoIds.includes(otherConversation));
    const otherIds = (await listAll(hub, otherAgent.token)).map((conv) => conv.id);
    assert.ok(otherIds.includes(otherConversation));
    assert.ok(!otherIds.includes(demoConversation));
    assert.deepEqual(await listAll(hub, otherAgent.token, { widget_id: 'demo' }), []);
    const adminIds = (await listAll(hub, admin)).map((conv) => conv.id);
    assert.ok(adminIds.includes(demoConversation) && adminIds.includes(otherConversation));
    const filtered = (await listAll(hub, admin, { widget_id: 'other' })).map((conv) => conv.widget_id);
    assert.deepEqual([...new Set(filtered)], ['other']);
  });

  test("a conversation of a widget the agent does not serve is 404 everywhere", async () => {
    const token = otherAgent.token;
    const id = demoConversation;
    assertError(await get(hub, `/api/conversations/${id}`, { token }), 404, 'not_found');
    assertError(await get(hub, `/api/conversations/${id}/messages`, { token }), 404, 'not_found');
    assertError(await post(hub, `/api/conversations/${id}/messages`, { text: 'sneaky' }, { token }), 404, 'not_found');
    assertError(await patch(hub, `/api/conversations/${id}`, { priority: 'low' }, { token }), 404, 'not_found');
    for (const action of ['resolve', 'reopen', 'read']) {
      assertError(await conversationAction(hub, token, id, action), 404, 'not_found');
    }
    assertError(await conversationAction(hub, token, id, 'assign', { agent_id: otherAgent.agent.id }), 404, 'not_found');
    const conv = await conversation(hub, admin, id);
    assert.equal(conv.status, 'pending');
    assert.equal(conv.last_seq, 1);
    assert.equal(conv.priority, 'normal');
  });
});

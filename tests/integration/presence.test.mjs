import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, adminToken, assertError, conversation, createAgent, eventually, expectStatus, get, initVisitor, listAll, nextMillis, post,
  query, unique,
} from './lib/api.mjs';

const setStatus = (hub, token, status) => post(hub, '/api/agent/status', { status }, { token });

async function present(hub, token) {
  return expectStatus(await get(hub, '/api/agent/status', { token }), 200).agents;
}

describe('agent presence over HTTP', () => {
  const hub = useHub();
  let admin;
  let alice; // demo
  let bob; // demo
  let olga; // other
  before(async () => {
    admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { display_name: 'Alice', widgets: ['demo'] });
    bob = await createAgent(hub, admin, { display_name: 'Bob', widgets: ['demo'] });
    olga = await createAgent(hub, admin, { display_name: 'Olga', widgets: ['other'] });
  });

  test('a heartbeat needs a session and answers 204', async () => {
    assertError(await post(hub, '/api/agent/heartbeat', {}), 401, 'unauthorized');
    const res = await post(hub, '/api/agent/heartbeat', {}, { token: alice.token });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
  });

  test('a status set is answered, listed to teammates with a fresh heartbeat, and stored with the account', async () => {
    assert.deepEqual(expectStatus(await setStatus(hub, alice.token, 'online'), 200), { agent_id: alice.agent.id, status: 'online' });
    expectStatus(await setStatus(hub, bob.token, 'away'), 200);
    expectStatus(await setStatus(hub, olga.token, 'busy'), 200);

    const seenByAlice = await present(hub, alice.token);
    const mine = seenByAlice.find((agent) => agent.agent_id === alice.agent.id);
    assert.deepEqual(Object.keys(mine).sort(), ['agent_id', 'display_name', 'last_heartbeat', 'status']);
    assert.equal(mine.display_name, 'Alice');
    assert.equal(mine.status, 'online');
    assert.match(mine.last_heartbeat, TIMESTAMP);
    assert.equal(seenByAlice.find((agent) => agent.agent_id === bob.agent.id)?.status, 'away');
    assert.ok(!seenByAlice.some((agent) => agent.agent_id === olga.agent.id), 'an agent of another widget is not listed');

    const seenByOlga = (await present(hub, olga.token)).map((agent) => agent.agent_id);
    assert.deepEqual(seenByOlga, [olga.agent.id]);
    const seenByAdmin = (await present(hub, admin)).map((agent) => agent.agent_id);
    for (const id of [alice.agent.id, bob.agent.id, olga.agent.id]) assert.ok(seenByAdmin.includes(id));

    await eventually(async () => {
      const stored = expectStatus(await get(hub, `/api/agents/${olga.agent.id}`, { token: admin }), 200);
      return stored.status === 'busy';
    }, 'the chosen status is stored with the account');
  });

  test('an unknown status is 422 validation_failed; a missing one 400', async () => {
    assertError(await setStatus(hub, alice.token, 'sleeping'), 422, 'validation_failed', 'status');
    assertError(await post(hub, '/api/agent/status', {}, { token: alice.token }), 400, 'missing_field', 'status');
    assertError(await setStatus(hub, alice.token, 3), 400, 'invalid_field', 'status');
    assertError(await get(hub, '/api/agent/status'), 401, 'unauthorized');
  });

  test('logout takes the agent off the list until they choose a status again', async () => {
    const carol = await createAgent(hub, admin, { display_name: 'Carol', widgets: ['demo'] });
    expectStatus(await setStatus(hub, carol.token, 'online'), 200);
    assert.ok((await present(hub, alice.token)).some((agent) => agent.agent_id === carol.agent.id));

    const res = await post(hub, '/api/agent/logout', {}, { token: carol.token });
    assert.equal(res.status, 204);
    assert.ok(!(await present(hub, alice.token)).some((agent) => agent.agent_id === carol.agent.id));
    assert.equal((await post(hub, '/api/agent/heartbeat', {}, { token: carol.token })).status, 204);
    assert.ok(!(await present(hub, alice.token)).some((agent) => agent.agent_id === carol.agent.id), 'a heartbeat does not undo logout');
    // The session itself is still valid.
    expectStatus(await get(hub, '/api/me', { token: carol.token }), 200);

    expectStatus(await setStatus(hub, carol.token, 'busy'), 200);
    assert.equal((await present(hub, alice.token)).find((agent) => agent.agent_id === carol.agent.id)?.status, 'busy');
  });

  test('a heartbeat alone does not make a new agent present: their stored status is offline', async () => {
    const dave = await createAgent(hub, admin, { display_name: 'Dave', widgets: ['demo'] });
    assert.equal((await post(hub, '/api/agent/heartbeat', {}, { token: dave.token })).status, 204);
    assert.ok(!(await present(hub, admin)).some((agent) => agent.agent_id === dave.agent.id));
  });
});

describe('viewing conversations over HTTP', () => {
  const hub = useHub();
  let admin;
  let alice; // demo
  let bob; // demo
  let olga; // other
  before(async () => {
    admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { display_name: 'Alice', widgets: ['demo'] });
    bob = await createAgent(hub, admin, { display_name: 'Bob', widgets: ['demo'] });
    olga = await createAgent(hub, admin, { display_name: 'Olga', widgets: ['other'] });
  });

  const view = (token, id) => post(hub, `/api/agent/viewing/${id}`, {}, { token });
  const stopView = (token, id) => post(hub, `/api/agent/stop-viewing/${id}`, {}, { token });

  test('a conversation nobody viewed has no viewers and no last_viewed_at', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    const detail = await conversation(hub, alice.token, visitor.conversation_id);
    assert.deepEqual(detail.viewers, []);
    assert.equal(detail.last_viewed_at, null);
  });

  test('viewers are listed longest first in the detail, and leave it on stop-viewing', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    const id = visitor.conversation_id;
    assert.equal((await view(alice.token, id)).status, 204);
    await nextMillis();
    assert.equal((await view(bob.token, id)).status, 204);

    let detail = await conversation(hub, alice.token, id);
    assert.deepEqual(detail.viewers.map((viewer) => viewer.agent_id), [alice.agent.id, bob.agent.id]);
    for (const viewer of detail.viewers) assert.match(viewer.since, TIMESTAMP);
    assert.ok(detail.viewers[0].since < detail.viewers[1].since);
    assert.match(detail.last_viewed_at, TIMESTAMP);

    // Viewing again changes nothing visible.
    assert.equal((await view(alice.token, id)).status, 204);
    assert.equal((await conversation(hub, alice.token, id)).viewers.length, 2);

    assert.equal((await stopView(alice.token, id)).status, 204);
    const viewedBefore = detail.last_viewed_at;
    detail = await conversation(hub, bob.token, id);
    assert.deepEqual(detail.viewers.map((viewer) => viewer.agent_id), [bob.agent.id]);
    assert.ok(detail.last_viewed_at >= viewedBefore);

    assert.equal((await stopView(bob.token, id)).status, 204);
    assert.equal((await stopView(bob.token, id)).status, 204, 'stopping twice is not an error');
    detail = await conversation(hub, bob.token, id);
    assert.deepEqual(detail.viewers, []);
    assert.match(detail.last_viewed_at, TIMESTAMP);
  });

  test('the list carries no viewers; only the detail does', async () => {
    const marker = unique('viewing');
    const visitor = await initVisitor(hub, { name: marker, message: 'hello' });
    await view(alice.token, visitor.conversation_id);
    const [listed] = await listAll(hub, alice.token, { q: marker });
    assert.equal(listed.id, visitor.conversation_id);
    assert.ok(!('viewers' in listed));
    assert.ok(!('last_viewed_at' in listed));
  });

  test('a conversation the agent cannot see is 404, as an unknown one', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    assertError(await view(olga.token, visitor.conversation_id), 404, 'not_found');
    assertError(await stopView(olga.token, visitor.conversation_id), 404, 'not_found');
    assertError(await view(alice.token, randomUUID()), 404, 'not_found');
    assertError(await view(alice.token, 'not-a-uuid'), 404, 'not_found');
    assertError(await view(undefined, visitor.conversation_id), 401, 'unauthorized');
    assert.deepEqual((await conversation(hub, alice.token, visitor.conversation_id)).viewers, []);
  });
});

describe('visitor presence', () => {
  const hub = useHub();
  let admin;
  let alice; // demo
  let olga; // other
  before(async () => {
    admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { display_name: 'Alice', widgets: ['demo'] });
    olga = await createAgent(hub, admin, { display_name: 'Olga', widgets: ['other'] });
  });

  const presence = (token, conversationId) =>
    get(hub, `/api/widget/presence${query({ conversation_id: conversationId })}`, { token });

  test('a visitor without a connected widget is offline, last heard of when last seen', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    const body = expectStatus(await presence(alice.token, visitor.conversation_id), 200);
    assert.deepEqual(Object.keys(body).sort(), ['is_online', 'last_heartbeat', 'sockets']);
    assert.equal(body.is_online, false);
    assert.equal(body.sockets, 0);
    const detail = await conversation(hub, alice.token, visitor.conversation_id);
    assert.equal(body.last_heartbeat, detail.visitor.last_seen_at);
  });

  test('conversation lists and details carry the visitor online flag and last seen time', async () => {
    const marker = unique('presence');
    const visitor = await initVisitor(hub, { name: marker, message: 'hello' });
    const [listed] = await listAll(hub, alice.token, { q: marker });
    assert.equal(listed.visitor.is_online, false);
    assert.match(listed.visitor.last_seen_at, TIMESTAMP);
    const detail = await conversation(hub, alice.token, visitor.conversation_id);
    assert.equal(detail.visitor.is_online, false);
    assert.equal(detail.visitor.last_seen_at, listed.visitor.last_seen_at);
    // The widget's own view of its conversation does not carry it.
    assert.ok(!('is_online' in visitor.conversation.visitor));
  });

  test('only agents who can see the conversation may ask', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    assertError(await presence(undefined, visitor.conversation_id), 401, 'unauthorized');
    assertError(await presence(visitor.visitor_token, visitor.conversation_id), 401, 'unauthorized');
    assertError(await presence(olga.token, visitor.conversation_id), 404, 'not_found');
    assertError(await presence(alice.token, randomUUID()), 404, 'not_found');
    assertError(await get(hub, '/api/widget/presence', { token: alice.token }), 400, 'missing_field', 'conversation_id');
    expectStatus(await presence(admin, visitor.conversation_id), 200);
  });
});

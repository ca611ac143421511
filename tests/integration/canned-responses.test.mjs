import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { TIMESTAMP, UUID, adminToken, assertError, createAgent, del, expectStatus, get, post, put } from './lib/api.mjs';

describe('canned responses', () => {
  const hub = useHub();
  let admin;
  let alice;
  let bob;
  before(async () => {
    admin = await adminToken(hub);
    alice = await createAgent(hub, admin, { widgets: ['demo'] });
    bob = await createAgent(hub, admin, { widgets: ['demo'] });
  });

  const create = (token, body) => post(hub, '/api/canned-responses', body, { token });
  const list = async (token, params = '') =>
    expectStatus(await get(hub, `/api/canned-responses${params}`, { token }), 200).canned_responses;
  const byShortcut = (token, shortcut) => get(hub, `/api/canned-responses?shortcut=${encodeURIComponent(shortcut)}`, { token });

  test('an agent creates a personal canned response: 201', async () => {
    const res = await create(alice.token, { title: 'Greeting', shortcut: '/hello', content: 'Hello! How can I help you today?', scope: 'personal' });
    const canned = expectStatus(res, 201);
    assert.match(canned.id, UUID);
    assert.equal(canned.title, 'Greeting');
    assert.equal(canned.shortcut, '/hello');
    assert.equal(canned.content, 'Hello! How can I help you today?');
    assert.equal(canned.scope, 'personal');
    assert.equal(canned.owner_agent_id, alice.agent.id);
    assert.equal(canned.widget_id, null);
    assert.equal(canned.usage_count, 0);
    assert.match(canned.created_at, TIMESTAMP);
    assert.match(canned.updated_at, TIMESTAMP);
  });

  test('shared canned responses need an admin: 403 forbidden otherwise', async () => {
    const body = { title: 'Hours', shortcut: '/hours', content: 'We are open 9 to 5.', scope: 'shared' };
    assertError(await create(alice.token, body), 403, 'forbidden');
    const shared = expectStatus(await create(admin, body), 201);
    assert.equal(shared.scope, 'shared');
  });

  test('a widget the agent does not serve is 404 not_found, as an unknown one is', async () => {
    for (const widget_id of ['other', 'no-such-widget']) {
      assertError(await create(alice.token, { title: 'Other', shortcut: '/elsewhere', content: 'x', widget_id }), 404,
        'not_found');
    }
    const mine = (await list(alice.token)).find((c) => c.shortcut === '/hello');
    assertError(await put(hub, `/api/canned-responses/${mine.id}`,
      { title: mine.title, shortcut: mine.shortcut, content: mine.content, widget_id: 'other' }, { token: alice.token }),
    404, 'not_found');
  });

  test('the list holds shared ones and the caller\'s own personal ones', async () => {
    const aliceShortcuts = (await list(alice.token)).map((c) => c.shortcut).sort();
    assert.deepEqual(aliceShortcuts, ['/hello', '/hours']);
    const bobShortcuts = (await list(bob.token)).map((c) => c.shortcut).sort();
    assert.deepEqual(bobShortcuts, ['/hours']);
  });

  test('widget_id narrows the list to that widget and the ones for every widget', async () => {
    expectStatus(await create(admin, { title: 'Other only', shortcut: '/otheronly', content: 'x', scope: 'shared', widget_id: 'other' }), 201);
    const forDemo = (await list(admin, '?widget_id=demo')).map((c) => c.shortcut);
    assert.ok(!forDemo.includes('/otheronly'));
    assert.ok(forDemo.includes('/hours'));
    const forOther = (await list(admin, '?widget_id=other')).map((c) => c.shortcut);
    assert.ok(forOther.includes('/otheronly'));
    assert.ok(forOther.includes('/hours'));
  });

  test('looking up a shortcut returns it and counts the use', async () => {
    const first = expectStatus(await byShortcut(alice.token, '/hello'), 200);
    assert.equal(first.content, 'Hello! How can I help you today?');
    assert.equal(first.usage_count, 1);
    const second = expectStatus(await byShortcut(alice.token, '/hello'), 200);
    assert.equal(second.usage_count, 2);
    const listed = (await list(alice.token)).find((c) => c.shortcut === '/hello');
    assert.equal(listed.usage_count, 2);
  });

  test("an unknown shortcut, or another agent's personal one, is 404 not_found", async () => {
    assertError(await byShortcut(alice.token, '/nothing'), 404, 'not_found');
    assertError(await byShortcut(bob.token, '/hello'), 404, 'not_found');
  });

  test('a personal shortcut shadows a shared one of the same name for its owner', async () => {
    expectStatus(await create(bob.token, { title: 'My hours', shortcut: '/hours', content: 'Bob works nights.', scope: 'personal' }), 201);
    assert.equal(expectStatus(await byShortcut(bob.token, '/hours'), 200).content, 'Bob works nights.');
    assert.equal(expectStatus(await byShortcut(alice.token, '/hours'), 200).content, 'We are open 9 to 5.');
  });

  test('a duplicate shortcut in the same scope is 409 conflict', async () => {
    const again = { title: 'Again', shortcut: '/hello', content: 'dup', scope: 'personal' };
    assertError(await create(alice.token, again), 409, 'conflict', 'shortcut');
    expectStatus(await create(bob.token, again), 201);
    assertError(await create(admin, { title: 'Hours 2', shortcut: '/hours', content: 'dup', scope: 'shared' }), 409, 'conflict');
  });

  test('a bad shortcut is 422 validation_failed', async () => {
    for (const shortcut of ['hello', '/', '/Hello', '/with space', '/ünï', `/${'a'.repeat(33)}`, '//x']) {
      const res = await create(alice.token, { title: 'Bad', shortcut, content: 'x', scope: 'personal' });
      assertError(res, 422, 'validation_failed', 'shortcut');
    }
    expectStatus(await create(alice.token, { title: 'Long', shortcut: `/${'a'.repeat(32)}`, content: 'x', scope: 'personal' }), 201);
    expectStatus(await create(alice.token, { title: 'Chars', shortcut: '/re-fund_2', content: 'x', scope: 'personal' }), 201);
  });

  test('a title is 1 to 100 characters', async () => {
    assertError(await create(alice.token, { title: 'x'.repeat(101), shortcut: '/t101', content: 'x', scope: 'personal' }),
      422, 'validation_failed', 'title');
    assertError(await create(alice.token, { title: '   ', shortcut: '/t0', content: 'x', scope: 'personal' }),
      422, 'validation_failed', 'title');
    expectStatus(await create(alice.token, { title: 'é'.repeat(100), shortcut: '/t100', content: 'x', scope: 'personal' }), 201);
  });

  test('required fields and enums', async () => {
    assertError(await create(alice.token, { shortcut: '/t', content: 'x', scope: 'personal' }), 400, 'missing_field', 'title');
    assertError(await create(alice.token, { title: 't', shortcut: '/t', scope: 'personal' }), 400, 'missing_field', 'content');
    assertError(await create(alice.token, { title: 't', content: 'x', scope: 'personal' }), 400, 'missing_field', 'shortcut');
    assertError(await create(alice.token, { title: 't', shortcut: '/t', content: 'x', scope: 'team' }), 400, 'invalid_field', 'scope');
  });

  test('PUT updates, DELETE removes', async () => {
    const created = expectStatus(await create(alice.token, { title: 'Bye', shortcut: '/bye', content: 'Goodbye', scope: 'personal' }), 201);
    const res = await put(hub, `/api/canned-responses/${created.id}`,
      { title: 'Farewell', shortcut: '/farewell', content: 'Goodbye and thanks!', scope: 'personal' }, { token: alice.token });
    const updated = expectStatus(res, 200);
    assert.equal(updated.id, created.id);
    assert.equal(updated.title, 'Farewell');
    assert.equal(updated.shortcut, '/farewell');
    assert.equal(updated.content, 'Goodbye and thanks!');
    assert.ok(updated.updated_at >= created.updated_at);
    assertError(await byShortcut(alice.token, '/bye'), 404, 'not_found');

    const removed = await del(hub, `/api/canned-responses/${created.id}`, { token: alice.token });
    assert.equal(removed.status, 204);
    assertError(await byShortcut(alice.token, '/farewell'), 404, 'not_found');
    assertError(await del(hub, `/api/canned-responses/${created.id}`, { token: alice.token }), 404, 'not_found');
  });

  test("an agent cannot change another agent's personal or any shared canned response", async () => {
    const mine = (await list(alice.token)).find((c) => c.shortcut === '/hello');
    const shared = (await list(alice.token)).find((c) => c.shortcut === '/hours');
    const body = { title: 'Hijack', shortcut: '/hello', content: 'pwned', scope: 'personal' };
    assertError(await put(hub, `/api/canned-responses/${mine.id}`, body, { token: bob.token }), 404, 'not_found');
    assertError(await del(hub, `/api/canned-responses/${mine.id}`, { token: bob.token }), 404, 'not_found');
    assertError(await put(hub, `/api/canned-responses/${shared.id}`, { ...body, shortcut: '/hours', scope: 'shared' }, { token: bob.token }),
      403, 'forbidden');
    assertError(await del(hub, `/api/canned-responses/${shared.id}`, { token: bob.token }), 403, 'forbidden');
    assert.equal(expectStatus(await byShortcut(alice.token, '/hello'), 200).content, 'Hello! How can I help you today?');
  });
});

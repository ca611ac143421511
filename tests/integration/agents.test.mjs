import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, UUID, assertError, createAgent, del, expectStatus, get, login, patch, post, unique,
} from './lib/api.mjs';

describe('agents administration', () => {
  const hub = useHub();
  let admin;
  let me;
  before(async () => {
    const session = await login(hub);
    admin = session.token;
    me = session.agent;
  });

  const newAgent = (overrides = {}) => ({
    email: `${unique('agent')}@example.com`,
    display_name: 'New Agent',
    password: 'agent-password-1',
    role: 'agent',
    widgets: ['demo'],
    max_concurrent_chats: 4,
    ...overrides,
  });

  test('an admin creates an agent: 201 Agent without any password material', async () => {
    const body = newAgent({ display_name: 'Carol' });
    const res = await post(hub, '/api/agents', body, { token: admin });
    const agent = expectStatus(res, 201);
    assert.match(agent.id, UUID);
    assert.equal(agent.email, body.email);
    assert.equal(agent.display_name, 'Carol');
    assert.equal(agent.role, 'agent');
    assert.deepEqual(agent.widgets, ['demo']);
    assert.equal(agent.max_concurrent_chats, 4);
    assert.equal(agent.active, true);
    assert.equal(agent.status, 'offline');
    assert.match(agent.created_at, TIMESTAMP);
    assert.ok(!res.text.toLowerCase().includes('password'), 'no password material in the response');
    assert.ok(!res.text.includes('agent-password-1'));

    const { agent: loggedIn } = await login(hub, body.email, body.password);
    assert.equal(loggedIn.id, agent.id);
    assert.deepEqual(expectStatus(await get(hub, `/api/agents/${agent.id}`, { token: admin }), 200), agent);
  });

  test('every agent can list the team; only admins manage it (403 forbidden)', async () => {
    const plain = await createAgent(hub, admin);
    const team = expectStatus(await get(hub, '/api/agents', { token: plain.token }), 200).agents;
    assert.ok(team.some((agent) => agent.id === me.id));
    assert.ok(team.some((agent) => agent.id === plain.agent.id));
    assert.ok(!JSON.stringify(team).toLowerCase().includes('password'));

    assertError(await post(hub, '/api/agents', newAgent(), { token: plain.token }), 403, 'forbidden');
    assertError(await get(hub, `/api/agents/${me.id}`, { token: plain.token }), 403, 'forbidden');
    assertError(await patch(hub, `/api/agents/${plain.agent.id}`, { role: 'admin' }, { token: plain.token }), 403, 'forbidden');
    assertError(await del(hub, `/api/agents/${me.id}`, { token: plain.token }), 403, 'forbidden');
    assert.equal(expectStatus(await get(hub, '/api/me', { token: plain.token }), 200).role, 'agent');
  });

  test('GET /api/widgets lists the widgets the caller serves: every one for an admin, by id', async () => {
    const listed = async (token) => expectStatus(await get(hub, '/api/widgets', { token }), 200).widgets;
    assert.deepEqual(await listed(admin), [{ id: 'demo', name: 'Demo Shop' }, { id: 'other', name: 'Other Site' }]);
    const otherOnly = await createAgent(hub, admin, { widgets: ['other'] });
    assert.deepEqual(await listed(otherOnly.token), [{ id: 'other', name: 'Other Site' }]);
    const none = await createAgent(hub, admin, { widgets: [] });
    assert.deepEqual(await listed(none.token), []);
    assertError(await get(hub, '/api/widgets'), 401, 'unauthorized');
  });

  test('a duplicate email is 409 conflict, whatever its case', async () => {
    const body = newAgent();
    expectStatus(await post(hub, '/api/agents', body, { token: admin }), 201);
    assertError(await post(hub, '/api/agents', { ...body }, { token: admin }), 409, 'conflict');
    assertError(await post(hub, '/api/agents', { ...body, email: body.email.toUpperCase() }, { token: admin }), 409, 'conflict');
  });

  test('input is validated', async () => {
    const check = async (overrides, status, code, field) =>
      assertError(await post(hub, '/api/agents', newAgent(overrides), { token: admin }), status, code, field);
    await check({ password: 'short12' }, 422, 'validation_failed', 'password');
    await check({ email: 'not-an-email' }, 422, 'invalid_email', 'email');
    await check({ role: 'superuser' }, 400, 'invalid_field', 'role');
    await check({ widgets: ['no-such-widget'] }, 422, 'validation_failed', 'widgets');
    await check({ widgets: 'demo' }, 400, 'invalid_field', 'widgets');
    await check({ max_concurrent_chats: -1 }, 422, 'validation_failed', 'max_concurrent_chats');
    await check({ max_concurrent_chats: 0 }, 422, 'validation_failed', 'max_concurrent_chats');
    await check({ max_concurrent_chats: 1001 }, 422, 'validation_failed', 'max_concurrent_chats');
    await check({ display_name: '' }, 422, 'validation_failed', 'display_name');
    const body = newAgent();
    delete body.email;
    assertError(await post(hub, '/api/agents', body, { token: admin }), 400, 'missing_field', 'email');
  });

  test('PATCH changes any subset', async () => {
    const { agent } = await createAgent(hub, admin);
    const res = await patch(hub, `/api/agents/${agent.id}`,
      { display_name: 'Renamed', widgets: ['demo', 'other'], max_concurrent_chats: 9 }, { token: admin });
    const updated = expectStatus(res, 200);
    assert.equal(updated.display_name, 'Renamed');
    assert.deepEqual([...updated.widgets].sort(), ['demo', 'other']);
    assert.equal(updated.max_concurrent_chats, 9);
    assert.equal(updated.email, agent.email, 'untouched fields are kept');
    assert.equal(updated.role, 'agent');

    const promoted = expectStatus(await patch(hub, `/api/agents/${agent.id}`, { role: 'admin' }, { token: admin }), 200);
    assert.equal(promoted.role, 'admin');
    assertError(await patch(hub, `/api/agents/${agent.id}`, { role: 'boss' }, { token: admin }), 400, 'invalid_field', 'role');
    assertError(await patch(hub, `/api/agents/${agent.id}`, {}, { token: admin }), 422, 'validation_failed');
    assertError(await patch(hub, `/api/agents/${agent.id}`, { max_concurrent_chats: 0 }, { token: admin }),
      422, 'validation_failed', 'max_concurrent_chats');
    assertError(await patch(hub, '/api/agents/00000000-0000-4000-8000-000000000000', { display_name: 'x' }, { token: admin }),
      404, 'not_found');
  });

  test("an admin's password change for an agent revokes the agent's sessions", async () => {
    const carol = await createAgent(hub, admin);
    expectStatus(await patch(hub, `/api/agents/${carol.agent.id}`, { password: 'reset-password-9' }, { token: admin }), 200);
    assertError(await get(hub, '/api/me', { token: carol.token }), 401, 'unauthorized');
    assertError(await post(hub, '/api/auth/login', { email: carol.email, password: carol.password }), 401, 'invalid_credentials');
    await login(hub, carol.email, 'reset-password-9');
    assertError(await patch(hub, `/api/agents/${carol.agent.id}`, { password: 'short' }, { token: admin }),
      422, 'validation_failed', 'password');
  });

  test('a deactivated agent loses its sessions and cannot log in', async () => {
    const dave = await createAgent(hub, admin);
    const res = await patch(hub, `/api/agents/${dave.agent.id}`, { active: false }, { token: admin });
    assert.equal(expectStatus(res, 200).active, false);
    assertError(await get(hub, '/api/me', { token: dave.token }), 401, 'unauthorized');
    assertError(await post(hub, '/api/auth/login', { email: dave.email, password: dave.password }), 401, 'invalid_credentials');

    expectStatus(await patch(hub, `/api/agents/${dave.agent.id}`, { active: true }, { token: admin }), 200);
    await login(hub, dave.email, dave.password);
  });

  test('DELETE deactivates: 204, sessions revoked, login refused, record kept', async () => {
    const erin = await createAgent(hub, admin);
    const res = await del(hub, `/api/agents/${erin.agent.id}`, { token: admin });
    assert.equal(res.status, 204);
    assertError(await get(hub, '/api/me', { token: erin.token }), 401, 'unauthorized');
    assertError(await post(hub, '/api/auth/login', { email: erin.email, password: erin.password }), 401, 'invalid_credentials');
    const kept = expectStatus(await get(hub, `/api/agents/${erin.agent.id}`, { token: admin }), 200);
    assert.equal(kept.active, false);
    assertError(await post(hub, '/api/agents', newAgent({ email: erin.email }), { token: admin }), 409, 'conflict');
  });

  test('the last active admin cannot be removed or demoted: 422 validation_failed', async () => {
    const admins = expectStatus(await get(hub, '/api/agents', { token: admin }), 200).agents
      .filter((agent) => agent.role === 'admin' && agent.active);
    for (const other of admins.filter((agent) => agent.id !== me.id)) {
      expectStatus(await patch(hub, `/api/agents/${other.id}`, { role: 'agent' }, { token: admin }), 200);
    }
    assertError(await del(hub, `/api/agents/${me.id}`, { token: admin }), 422, 'validation_failed');
    assertError(await patch(hub, `/api/agents/${me.id}`, { role: 'agent' }, { token: admin }), 422, 'validation_failed', 'role');
    assertError(await patch(hub, `/api/agents/${me.id}`, { active: false }, { token: admin }), 422, 'validation_failed', 'active');
    expectStatus(await get(hub, '/api/me', { token: admin }), 200);
  });
});

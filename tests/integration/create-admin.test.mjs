// `switchboard create-admin`: the operator's way to an admin when the hub has none, and the hub saying so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Hub } from './lib/hub.mjs';
import { adminToken, expectStatus, get } from './lib/api.mjs';

describe('create-admin', () => {
  // No SWITCHBOARD_ADMIN_EMAIL: the hub creates no first admin of its own.
  const hub = new Hub({ env: { SWITCHBOARD_ADMIN_EMAIL: '' } });
  const noPasswordInEnvironment = { SWITCHBOARD_ADMIN_PASSWORD: '' };
  before(() => hub.prepare());
  after(() => hub.tearDown());

  test('a hub with no admin and no SWITCHBOARD_ADMIN_EMAIL says so and how to create one', async () => {
    await hub.start();
    await hub.stop();
    assert.match(hub.log(), /there is no admin agent.*`switchboard create-admin EMAIL --config FILE`/);
  });

  test('a password the policy refuses creates nobody', async () => {
    const { code, stdout, stderr } = await hub.command(['create-admin', 'boss@example.com'], {
      input: 'short\n',
      env: noPasswordInEnvironment,
    });
    assert.equal(code, 1, stdout);
    assert.match(stderr, /the password must be 8 to 1024 characters long/);
  });

  test('the password from standard input makes an admin who signs in', async () => {
    const { code, stdout, stderr } = await hub.command(['create-admin', 'Boss@Example.com'], {
      input: 'a long enough password\n',
      env: noPasswordInEnvironment,
    });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^created admin agent boss@example\.com$/m);

    hub.adminEmail = 'boss@example.com';
    hub.adminPassword = 'a long enough password';
    await hub.start();
    const { agents } = expectStatus(await get(hub, '/api/agents', { token: await adminToken(hub) }), 200);
    assert.deepEqual(agents.map((agent) => [agent.email, agent.role]), [['boss@example.com', 'admin']]);
    await hub.stop();
    assert.doesNotMatch(hub.log().split('===== start 2')[1], /there is no admin agent/);
  });

  test('the password may come from SWITCHBOARD_ADMIN_PASSWORD; a taken email is refused', async () => {
    const created = await hub.command(['create-admin', 'second@example.com'], {
      env: { SWITCHBOARD_ADMIN_PASSWORD: 'another long password' },
    });
    assert.equal(created.code, 0, created.stderr);
    const taken = await hub.command(['create-admin', 'second@example.com'], {
      env: { SWITCHBOARD_ADMIN_PASSWORD: 'another long password' },
    });
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /an agent with this email already exists/);
  });
});

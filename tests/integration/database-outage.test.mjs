// While the database cannot be reached the hub says so: 503 from /healthz and from the API, never a hang
// or a crash. Only on PostgreSQL, where the test can take a hub's database away.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { useHub } from './lib/hub.mjs';
import { assertError, get, initVisitor, visitorMessage } from './lib/api.mjs';

const onPostgres = process.env.SWITCHBOARD_TEST_DB === 'postgresql';

describe('database outage', { skip: onPostgres ? false : 'needs SWITCHBOARD_TEST_DB=postgresql' }, () => {
  const hub = useHub();

  test('/healthz and the API answer 503 unavailable while the database is gone', async () => {
    const visitor = await initVisitor(hub, { message: 'before the outage' });
    await hub.database.drop();

    let health;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      health = await get(hub, '/healthz');
      if (health.status === 503) break;
      await sleep(100);
    }
    assert.equal(health.status, 503, `GET /healthz: ${health.status} ${health.text}`);
    assert.equal(health.body.status, 'unavailable');
    assert.equal(health.body.database, 'unreachable');

    assertError(await visitorMessage(hub, visitor, 'during the outage'), 503, 'unavailable');
    assert.ok(hub.process, 'the hub is still running');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { expectStatus, get } from './lib/api.mjs';

describe('GET /healthz', () => {
  const hub = useHub();

  test('reports the hub and its database as healthy', async () => {
    const res = await get(hub, '/healthz');
    const body = expectStatus(res, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(body.status, 'ok');
    assert.equal(body.database, 'ok');
    assert.match(body.version, /^\d+\.\d+\.\d+/);
  });

  test('needs no authentication and is not cached', async () => {
    const res = await get(hub, '/healthz', { token: 'not-a-session' });
    expectStatus(res, 200);
    assert.match(String(res.headers['cache-control']), /no-store/);
  });
});

// Requests another site makes with the admin's session cookie: a page on another port of the same host is the
// same site, so the browser sends a SameSite=Lax cookie with its forms.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { agentDraft, assertError, del, expectStatus, get, login, post, request } from './lib/api.mjs';

describe('cross-site requests', () => {
  const hub = useHub();
  let admin;
  let cookie;
  let ownOrigin;
  let otherOrigin;
  before(async () => {
    admin = await login(hub);
    cookie = `sb_session=${admin.token}`;
    const url = new URL(hub.url);
    ownOrigin = url.origin;
    otherOrigin = `${url.protocol}//${url.hostname}:${Number(url.port) === 65535 ? 1 : Number(url.port) + 1}`;
  });

  const newAdmin = () => agentDraft({ display_name: 'Mallory', role: 'admin' });

  const agentExists = async (email) => {
    const { agents } = expectStatus(await get(hub, '/api/agents', { token: admin.token }), 200);
    return agents.some((agent) => agent.email === email);
  };

  test('a text/plain form from another port with the admin\'s cookie creates no admin: 403 cross_site_request', async () => {
    const body = newAdmin();
    // What an auto-submitting <form enctype="text/plain"> sends: a JSON-looking body, no preflight.
    const res = await request(hub, 'POST', '/api/agents', {
      raw: `${JSON.stringify(body).slice(0, -1)}, "x": "="}`,
      cookie,
      origin: otherOrigin,
      headers: { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'same-site' },
    });
    assertError(res, 403, 'cross_site_request');
    assert.equal(await agentExists(body.email), false);
  });

  test('a state-changing request with the cookie must come from the hub\'s own origin', async () => {
    const victim = expectStatus(await post(hub, '/api/agents', newAdmin(), { token: admin.token }), 201);
    // Without Origin, Sec-Fetch-Site tells where a browser's request comes from.
    assertError(await del(hub, `/api/agents/${victim.id}`, { cookie, headers: { 'Sec-Fetch-Site': 'same-site' } }),
      403, 'cross_site_request');
    assertError(await del(hub, `/api/agents/${victim.id}`, { cookie, origin: 'null' }), 403, 'cross_site_request');
    assertError(await request(hub, 'POST', '/api/auth/logout', { cookie, origin: otherOrigin }), 403,
      'cross_site_request');
    expectStatus(await get(hub, '/api/me', { cookie }), 200);
    // Reading stays open to any page's cookie; CORS keeps the answer from it.
    expectStatus(await get(hub, `/api/agents/${victim.id}`, { cookie, origin: otherOrigin }), 200);

    const own = newAdmin();
    expectStatus(await post(hub, '/api/agents', own, { cookie, origin: ownOrigin }), 201);
    expectStatus(await post(hub, '/api/agents', newAdmin(), { cookie, headers: { 'Sec-Fetch-Site': 'same-origin' } }), 201);
    // A client that is not a browser sends neither header.
    expectStatus(await post(hub, '/api/agents', newAdmin(), { cookie }), 201);
    assert.equal(await agentExists(own.email), true);
  });

  test('a bearer token is never sent by another site: its requests need no origin', async () => {
    expectStatus(await post(hub, '/api/agents', newAdmin(), { token: admin.token, origin: otherOrigin }), 201);
  });

  test('JSON endpoints take only application/json bodies, from every client: 415 unsupported_media_type', async () => {
    const body = newAdmin();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await request(hub, 'POST', '/api/agents', {
        raw: JSON.stringify(body), token: admin.token, headers: { 'Content-Type': type },
      });
      assertError(res, 415, 'unsupported_media_type');
    }
    assertError(await request(hub, 'POST', '/api/widget/init', {
      raw: JSON.stringify({ widget_id: 'demo' }), headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    }), 415, 'unsupported_media_type');
    assert.equal(await agentExists(body.email), false);

    const created = await request(hub, 'POST', '/api/agents', {
      raw: JSON.stringify(body), token: admin.token, headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expectStatus(created, 201);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, UUID, assertError, assertRateLimited, expectStatus, get, login, post, unique,
} from './lib/api.mjs';

function sessionCookie(res) {
  const cookies = [res.headers['set-cookie'] ?? []].flat();
  return cookies.find((cookie) => cookie.startsWith('sb_session='));
}

describe('agent authentication', () => {
  const hub = useHub();

  test('login returns a session token, its expiry and the agent, and sets the session cookie', async () => {
    const res = await post(hub, '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const body = expectStatus(res, 200);
    assert.equal(typeof body.token, 'string');
    assert.ok(body.token.length >= 32);
    assert.match(body.expires_at, TIMESTAMP);
    assert.ok(Date.parse(body.expires_at) > Date.now());
    assert.match(body.agent.id, UUID);
    assert.equal(body.agent.email, ADMIN_EMAIL);
    assert.equal(body.agent.role, 'admin');
    assert.equal(body.agent.active, true);
    assert.ok(!JSON.stringify(body.agent).toLowerCase().includes('password'), 'no password material in Agent');

    const cookie = sessionCookie(res);
    assert.ok(cookie, 'Set-Cookie sb_session');
    assert.equal(cookie.split(';')[0], `sb_session=${body.token}`);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Lax/i);
    assert.match(cookie, /;\s*Path=\//i);
    assert.doesNotMatch(cookie, /;\s*Secure/i, 'not Secure while auth.cookie_secure is off');
  });

  test('the email is matched case-insensitively', async () => {
    const body = await login(hub, ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    assert.equal(body.agent.email, ADMIN_EMAIL);
  });

  test('a wrong password and an unknown email are the same 401 invalid_credentials', async () => {
    const wrongPassword = await post(hub, '/api/auth/login', { email: ADMIN_EMAIL, password: 'wrong-password' });
    assertError(wrongPassword, 401, 'invalid_credentials');
    const unknownEmail = await post(hub, '/api/auth/login', { email: 'nobody@example.com', password: 'wrong-password' });
    assertError(unknownEmail, 401, 'invalid_credentials');
    assert.equal(wrongPassword.body.error.message, unknownEmail.body.error.message);
    assert.equal(sessionCookie(wrongPassword), undefined);
  });

  test('GET /api/me answers with the agent of a bearer token', async () => {
    const { token, agent } = await login(hub);
    const me = expectStatus(await get(hub, '/api/me', { token }), 200);
    assert.deepEqual(me, agent);
  });

  test('the sb_session cookie authenticates as well', async () => {
    const { token, agent } = await login(hub);
    const me = expectStatus(await get(hub, '/api/me', { cookie: `theme=dark; sb_session=${token}` }), 200);
    assert.equal(me.id, agent.id);
  });

  test('no token, an unknown token or a malformed header is 401 unauthorized', async () => {
    assertError(await get(hub, '/api/me'), 401, 'unauthorized');
    assertError(await get(hub, '/api/me', { token: 'x'.repeat(43) }), 401, 'unauthorized');
    assertError(await get(hub, '/api/me', { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } }), 401, 'unauthorized');
    assertError(await get(hub, '/api/me', { cookie: 'sb_session=' }), 401, 'unauthorized');
    assertError(await get(hub, '/api/conversations'), 401, 'unauthorized');
    assertError(await get(hub, '/api/stats'), 401, 'unauthorized');
  });

  test('a visitor token is not an agent session', async () => {
    const visitor = expectStatus(await post(hub, '/api/widget/init', { widget_id: 'other' }), 201);
    assertError(await get(hub, '/api/me', { token: visitor.visitor_token }), 401, 'unauthorized');
  });

  test('logout revokes the session and clears the cookie', async () => {
    const { token } = await login(hub);
    const other = await login(hub);
    const res = await post(hub, '/api/auth/logout', undefined, { token });
    assert.equal(res.status, 204);
    const cleared = sessionCookie(res);
    assert.ok(cleared, 'Set-Cookie clears sb_session');
    assert.match(cleared, /^sb_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    assertError(await get(hub, '/api/me', { token }), 401, 'unauthorized');
    assertError(await get(hub, '/api/me', { cookie: `sb_session=${token}` }), 401, 'unauthorized');
    expectStatus(await get(hub, '/api/me', { token: other.token }), 200);
  });

  test('logout is idempotent: without a valid session it still answers 204 and clears the cookie', async () => {
    for (const options of [{}, { token: 'not-a-session' }]) {
      const res = await post(hub, '/api/auth/logout', undefined, options);
      assert.equal(res.status, 204, res.text);
      assert.ok(sessionCookie(res), 'Set-Cookie clears sb_session');
    }
  });
});

describe('changing the own password', () => {
  const hub = useHub();

  test('POST /api/me/password changes it and revokes every other session', async () => {
    const current = await login(hub);
    const other = await login(hub);
    const res = await post(hub, '/api/me/password',
      { current_password: ADMIN_PASSWORD, new_password: 'a-new-password-2' }, { token: current.token });
    assert.equal(res.status, 204, res.text);
    expectStatus(await get(hub, '/api/me', { token: current.token }), 200);
    assertError(await get(hub, '/api/me', { token: other.token }), 401, 'unauthorized');
    assertError(await post(hub, '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }), 401, 'invalid_credentials');
    await login(hub, ADMIN_EMAIL, 'a-new-password-2');
  });

  test('a wrong current password is 422 validation_failed and changes nothing', async () => {
    const { token } = await login(hub, ADMIN_EMAIL, 'a-new-password-2');
    const res = await post(hub, '/api/me/password',
      { current_password: 'not-it', new_password: 'another-password-3' }, { token });
    assertError(res, 422, 'validation_failed', 'current_password');
    await login(hub, ADMIN_EMAIL, 'a-new-password-2');
  });

  test('a new password shorter than 8 characters is 422 validation_failed', async () => {
    const { token } = await login(hub, ADMIN_EMAIL, 'a-new-password-2');
    const res = await post(hub, '/api/me/password', { current_password: 'a-new-password-2', new_password: 'short' }, { token });
    assertError(res, 422, 'validation_failed', 'new_password');
  });
});

describe('login rate limit per IP', () => {
  const hub = useHub({ hub: { auth: { login_per_ip_per_minute: 3, login_per_account_per_hour: 1000 } } });

  test('attempts over auth.login_per_ip_per_minute are 429 rate_limited with Retry-After', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await post(hub, '/api/auth/login', { email: `${unique('nobody')}@example.com`, password: 'wrong-password' });
      assertError(res, 401, 'invalid_credentials');
    }
    // A fixed window may roll over once during the test, so allow one more window's worth before the 429.
    let limited = null;
    for (let i = 0; i < 4 && !limited; i += 1) {
      const res = await post(hub, '/api/auth/login', { email: `${unique('nobody')}@example.com`, password: 'wrong-password' });
      if (res.status === 429) limited = res;
      else assertError(res, 401, 'invalid_credentials');
    }
    assert.ok(limited, 'no 429 after twice the per-IP limit');
    assertRateLimited(limited, 60);
    const correct = await post(hub, '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    assertRateLimited(correct, 60);
  });
});

describe('login rate limit per account', () => {
  const hub = useHub({ hub: { auth: { login_per_ip_per_minute: 1000, login_per_account_per_hour: 3 } } });

  test('attempts over auth.login_per_account_per_hour are 429, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1) {
      assertError(await post(hub, '/api/auth/login', { email: ADMIN_EMAIL, password: 'wrong-password' }), 401, 'invalid_credentials');
    }
    const res = await post(hub, '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    assertRateLimited(res, 3600);
    assert.equal(sessionCookie(res), undefined);
  });

  test('other accounts are not affected', async () => {
    const res = await post(hub, '/api/auth/login', { email: 'someone-else@example.com', password: 'wrong-password' });
    assertError(res, 401, 'invalid_credentials');
  });
});

// HTTP served from the event loops: many slow or idle clients hold no thread, limits are enforced with clear
// answers, and the protocol's corners (keep-alive, pipelining, HEAD, 100-continue, reason phrases) hold.
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { spawn } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { assertError, eventually, get, initVisitor, login, post } from './lib/api.mjs';
import { connectSocket } from './lib/socket.mjs';
import { RawClient } from './lib/raw-client.mjs';

const HOST = 'Host: 127.0.0.1\r\n';

/// Times `work`, resolving its result and the milliseconds it took.
async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('HTTP clients that hold connections', () => {
  // Generous time limits: the slow clients below must still be held when the normal ones are served.
  const hub = useHub({ hub: { server: { header_timeout_ms: 60_000, max_connections_per_ip: 1000 } } });
  const held = [];
  after(() => held.forEach((client) => client.destroy()));

  test('100 connections trickling a request head do not delay anyone else', async () => {
    for (let i = 0; i < 100; ++i) {
      const client = await RawClient.open(hub.url);
      await client.write(`GET /healthz HTTP/1.1\r\n${HOST}X-Slow-${i}: a\r\n`);
      held.push(client);
    }
    const trickle = setInterval(() => held.forEach((client, i) => client.write(`X-More-${i}: b\r\n`).catch(() => {})), 200);
    try {
      const health = await timed(() => get(hub, '/healthz'));
      assert.equal(health.result.status, 200);
      assert.ok(health.ms < 1000, `GET /healthz took ${health.ms} ms`);

      const signIn = await timed(() => login(hub));
      assert.ok(signIn.result.token, 'signed in');
      assert.ok(signIn.ms < 1000, `login took ${signIn.ms} ms`);

      const widget = await timed(() => initVisitor(hub));
      assert.ok(widget.result.visitor_token);
      assert.ok(widget.ms < 1000, `widget init took ${widget.ms} ms`);

      const socket = await timed(() => connectSocket(hub, { token: signIn.result.token }));
      socket.result.close();
      assert.ok(socket.ms < 1000, `the socket upgrade took ${socket.ms} ms`);
    } finally {
      clearInterval(trickle);
    }
    for (const client of held) assert.equal(client.ended, false, 'the slow clients are still connected');
  });

  test('50 keep-alive clients start 100 conversations with handover requests in under 2 s', async () => {
    const agents = Array.from({ length: 50 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    const call = (agent, path, body, token) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify(body);
        const req = httpRequest(
          new URL(path, hub.url),
          {
            method: 'POST',
            agent,
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(payload),
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    const conversationOf = async (agent, i) => {
      const visitor = await call(agent, '/api/widget/init', { widget_id: 'demo', name: `Visitor ${i}`, email: `v${i}@example.com` });
      assert.equal(visitor.status, 201);
      const handover = await call(
        agent,
        '/api/handover/request',
        { conversation_id: visitor.body.conversation_id, method: 'portal' },
        visitor.body.visitor_token,
      );
      assert.equal(handover.status, 201, JSON.stringify(handover.body));
    };
    try {
      const { ms } = await timed(() =>
        Promise.all(agents.map(async (agent, i) => {
          await conversationOf(agent, 2 * i);
          await conversationOf(agent, 2 * i + 1);
        })),
      );
      assert.ok(ms < 2000, `100 conversations with handover requests took ${ms} ms`);
    } finally {
      agents.forEach((agent) => agent.destroy());
    }
  });
});

describe('HTTP limits', () => {
  const hub = useHub({
    hub: { server: { header_timeout_ms: 400, keep_alive_idle_ms: 400, body_timeout_ms: 400 } },
  });

  test('a request head that takes too long gets 408 and the connection is closed', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`GET /healthz HTTP/1.1\r\n${HOST}`);
    const answer = await client.response({ timeoutMs: 3000 });
    assert.equal(answer.status, 408);
    assert.equal(answer.reason, 'Request Timeout');
    assert.equal(JSON.parse(answer.body).error.code, 'request_timeout');
    assert.equal(await client.closedWithin(2000), true);
    assert.match(hub.log(), /answered 408 to 1 client/);
  });

  test('a body that stalls gets 408', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`POST /api/widget/init HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"wid`);
    const answer = await client.response({ timeoutMs: 3000 });
    assert.equal(answer.status, 408);
    assert.equal(await client.closedWithin(2000), true);
  });

  test('a kept-alive connection that stays idle is closed', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`GET /healthz HTTP/1.1\r\n${HOST}\r\n`);
    assert.equal((await client.response()).status, 200);
    assert.equal(await client.closedWithin(3000), true);
  });
});

describe('connection limits', () => {
  const hub = useHub({ hub: { server: { header_timeout_ms: 60_000, max_connections_per_ip: 20 } } });

  test('connections past the per-address limit are answered 503 too_many_connections', async () => {
    const clients = [];
    try {
      for (let i = 0; i < 20; ++i) clients.push(await RawClient.open(hub.url));
      const refused = await RawClient.open(hub.url);
      const answer = await refused.response();
      assert.equal(answer.status, 503);
      assert.equal(JSON.parse(answer.body).error.code, 'too_many_connections');
      assert.ok(answer.headers['retry-after']);
      assert.equal(await refused.closedWithin(2000), true);
      assert.match(hub.log(), /max_connections_per_ip reached/);
    } finally {
      clients.forEach((client) => client.destroy());
    }
    // Once they are gone, the address is served again.
    await eventually(async () => {
      const client = await RawClient.open(hub.url);
      await client.write(`GET /healthz HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`);
      return (await client.response()).status === 200;
    }, 'the address served again');
  });
});

describe('the total connection limit', () => {
  const hub = useHub({ hub: { server: { header_timeout_ms: 60_000, max_connections: 10 } } });

  test('connections past server.max_connections are answered 503 too_many_connections', async () => {
    const clients = [];
    try {
      // The hub's own readiness probe may still hold one; a few more than the limit are refused in any case.
      for (let i = 0; i < 10; ++i) clients.push(await RawClient.open(hub.url));
      const refused = await RawClient.open(hub.url);
      const answer = await refused.response();
      assert.equal(answer.status, 503);
      assert.equal(JSON.parse(answer.body).error.code, 'too_many_connections');
      assert.ok(answer.headers['retry-after']);
      // The hub may write its log line after the answer has left.
      await eventually(() => /server\.max_connections reached/.test(hub.log()), 'the refusal is logged');
    } finally {
      clients.forEach((client) => client.destroy());
    }
    await eventually(async () => (await get(hub, '/healthz')).status === 200, 'served again once they are gone');
  });
});

describe('handler threads under overload', () => {
  // One handler thread and room for one waiting request: logins (an Argon2id hash each, tens of milliseconds)
  // sent at once overflow it.
  const hub = useHub({ hub: { server: { threads: 1, max_queued: 1 } } });

  test('requests past the queue bound get 503 busy with Retry-After at once; the accepted ones are served', async () => {
    const credentials = { email: hub.adminEmail, password: hub.adminPassword };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(hub, '/api/auth/login', credentials)));
    const busy = answers.filter((res) => res.status === 503);
    const served = answers.filter((res) => res.status === 200);
    assert.ok(busy.length >= 1, `statuses: ${answers.map((res) => res.status)}`);
    assert.ok(served.length >= 1, `statuses: ${answers.map((res) => res.status)}`);
    assert.equal(busy.length + served.length, answers.length, `statuses: ${answers.map((res) => res.status)}`);
    for (const res of busy) {
      assertError(res, 503, 'busy');
      assert.equal(res.headers['retry-after'], '1');
    }
    for (const res of served) assert.ok(res.body.token);
    assert.match(hub.log(), /http-worker workers overloaded: refused \d+ task\(s\) as busy .*max\. 1 waiting/);
  });
});

describe('HTTP protocol', () => {
  const hub = useHub();

  test('a malformed request gets a JSON 400 and the connection is closed', async () => {
    const client = await RawClient.open(hub.url);
    await client.write('GET /healthz HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n');
    const answer = await client.response();
    assert.equal(answer.status, 400);
    assert.equal(answer.reason, 'Bad Request');
    assert.equal(JSON.parse(answer.body).error.code, 'invalid_request');
    assert.equal(await client.closedWithin(2000), true);
  });

  test('a request that could be framed two ways is refused', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`POST /api/widget/init HTTP/1.1\r\n${HOST}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`);
    assert.equal((await client.response()).status, 400);
  });

  test('status lines carry the status reason phrase', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`GET /api/no-such-thing HTTP/1.1\r\n${HOST}\r\n`);
    const answer = await client.response();
    assert.equal(answer.status, 404);
    assert.equal(answer.reason, 'Not Found');
  });

  test('pipelined requests are answered in order on one connection', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`GET /healthz HTTP/1.1\r\n${HOST}\r\nGET /api/nothing HTTP/1.1\r\n${HOST}\r\nGET /healthz HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`);
    assert.deepEqual([(await client.response()).status, (await client.response()).status, (await client.response()).status],
      [200, 404, 200]);
    assert.equal(await client.closedWithin(2000), true);
  });

  test('HEAD answers as GET would, without the body', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`HEAD /healthz HTTP/1.1\r\n${HOST}\r\nGET /healthz HTTP/1.1\r\n${HOST}\r\n`);
    const head = await client.response({ headOnly: true });
    const full = await client.response();
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], full.headers['content-length']);
    assert.ok(Number(full.headers['content-length']) > 0);
    client.destroy();
  });

  test('a client that expects 100-continue gets it before sending its body', async () => {
    const client = await RawClient.open(hub.url);
    const body = JSON.stringify({ widget_id: 'demo', name: 'Ada', email: 'ada@example.com' });
    await client.write(`POST /api/widget/init HTTP/1.1\r\n${HOST}Content-Type: application/json\r\n` +
      `Expect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n`);
    assert.equal((await client.response()).status, 100);
    await client.write(body);
    assert.equal((await client.response()).status, 201);
    client.destroy();
  });

  test('a body over the limit gets 413 with the CORS headers a widget page needs', async () => {
    const res = await post(hub, '/api/widget/init', { widget_id: 'demo', name: 'x'.repeat(5000) },
      { headers: { Origin: 'https://shop.example' } });
    assertError(res, 413, 'payload_too_large');
    assert.equal(res.headers['access-control-allow-origin'], 'https://shop.example');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('a malformed request target is a JSON 400', async () => {
    const client = await RawClient.open(hub.url);
    await client.write(`GET /api/%zz HTTP/1.1\r\n${HOST}\r\n`);
    const answer = await client.response();
    assert.equal(answer.status, 400);
    assert.equal(JSON.parse(answer.body).error.code, 'invalid_request');
  });
});

describe('a second hub on a port in use', () => {
  const hub = useHub();

  test('refuses to start and says why', async () => {
    const second = spawn(hub.bin, ['--config', hub.configFile, '--port', String(hub.port), '--db', hub.database.url], {
      cwd: hub.dir,
      env: { ...process.env, SWITCHBOARD_TEST_WEBHOOK_SECRET: hub.webhookSecret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stdout.on('data', (chunk) => (output += chunk));
    second.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => second.on('exit', resolve));
    assert.notEqual(code, 0);
    assert.match(output, new RegExp(`port ${hub.port} is already in use`));
    assert.equal((await get(hub, '/healthz')).status, 200, 'the first hub still serves');
  });
});

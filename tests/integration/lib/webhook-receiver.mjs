// A real HTTP receiver for the hub's signed webhooks, as a CRM would run one. Every request is verified twice:
// with the stock `standardwebhooks` package (webhook-id / webhook-timestamp / webhook-signature), and the
// `X-Switchboard-Signature` hex HMAC with the openssl command line. What it answers is chosen per path:
//   /ok      200                         /gone    410
//   /flaky   500 twice per webhook-id, then 200
//   /hang    never answers (until close)
//   /held    waits until release() is called, then 200; after that, 200 at once
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

/// The key bytes of a webhook secret as the hub reads it: `whsec_<base64>`, or any other string as its bytes.
export function secretKey(secret) {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

function opensslHexHmac(key, body) {
  const out = execFileSync('openssl', ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${key.toString('hex')}`],
    { input: body });
  return out.toString().trim().split('= ').pop();
}

export async function startReceiver(secret) {
  const key = secretKey(secret);
  const verifier = new Webhook(key.toString('base64'));
  const received = [];
  const attemptsById = new Map();
  const hanging = new Set();
  let releaseHeld;
  const held = new Promise((resolve) => { releaseHeld = resolve; });
  const waiters = [];

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const headers = req.headers;
      let verified = false;
      let hexVerified = false;
      try {
        verifier.verify(body.toString('utf8'), {
          'webhook-id': headers['webhook-id'],
          'webhook-timestamp': headers['webhook-timestamp'],
          'webhook-signature': headers['webhook-signature'],
        });
        verified = true;
      } catch {
        verified = false;
      }
      hexVerified = headers['x-switchboard-signature'] === `sha256=${opensslHexHmac(key, body)}`;
      const path = req.url;
      const id = headers['webhook-id'];
      const attempt = (attemptsById.get(`${path} ${id}`) ?? 0) + 1;
      attemptsById.set(`${path} ${id}`, attempt);
      const entry = { path, method: req.method, headers, body: body.toString('utf8'), json: null, verified, hexVerified, attempt };
      try {
        entry.json = JSON.parse(entry.body);
      } catch {
        entry.json = null;
      }
      received.push(entry);
      for (const waiter of [...waiters]) waiter();

      if (!verified || !hexVerified) {
        res.writeHead(401).end('bad signature');
      } else if (path === '/ok') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      } else if (path === '/gone') {
        res.writeHead(410).end('this hook was removed');
      } else if (path === '/flaky') {
        if (attempt <= 2) res.writeHead(500).end('temporarily broken');
        else res.writeHead(200).end('ok at last');
      } else if (path === '/hang') {
        hanging.add(res);
      } else if (path === '/held') {
        await held;
        res.writeHead(200).end('released');
      } else {
        res.writeHead(404).end('no such hook');
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    received,
    /// Deliveries that reached `path` so far.
    at: (path) => received.filter((entry) => entry.path === path),
    /// Resolves once `check()` holds, re-checked on every delivery.
    until(check, what, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`receiver: timed out waiting until ${what}`));
        }, timeoutMs);
        const waiter = () => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(waiter), 1);
          resolve();
        };
        waiters.push(waiter);
        waiter();
      });
    },
    release() {
      releaseHeld();
    },
    async close() {
      for (const res of hanging) res.destroy();
      releaseHeld();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

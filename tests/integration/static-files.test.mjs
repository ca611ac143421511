import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { useHub } from './lib/hub.mjs';
import { send, sendRaw } from './lib/http.mjs';

// A web root of our own, so that these tests do not depend on what the real pages contain.
const webRoot = mkdtempSync(join(tmpdir(), 'switchboard-web-'));
const widgetScript = `// widget\n${'console.log("the widget");\n'.repeat(200)}`;
const files = {
  'widget/widget.js': widgetScript,
  'widget/demo.html': '<!doctype html><title>Demo</title><script src="/widget.js" data-widget-id="demo" async></script>',
  'widget/panel.css': ':host { color: black; }',
  'shared/socket-client.js': 'export class SocketClient {}',
  'portal/index.html': '<!doctype html><title>Portal</title>',
  'portal/app.js': 'import "./inbox.js";',
  'portal/notes.txt': 'not a servable type',
  'portal/.hidden.js': 'hidden',
  'secret.js': 'outside every served folder',
};
// One file of each servable type, and the type it is served with (api/openapi.yaml, tag Web).
const types = {
  'kinds.js': 'text/javascript; charset=utf-8',
  'kinds.mjs': 'text/javascript; charset=utf-8',
  'kinds.css': 'text/css; charset=utf-8',
  'kinds.html': 'text/html; charset=utf-8',
  'kinds.svg': 'image/svg+xml',
  'kinds.png': 'image/png',
  'kinds.ico': 'image/x-icon',
  'kinds.json': 'application/json',
  'kinds.map': 'application/json',
  'kinds.woff2': 'font/woff2',
};
const typed = (name) => `${JSON.stringify({ file: name })}\n`; // valid JSON, for .json and .map
for (const name of Object.keys(types)) files[`portal/${name}`] = typed(name);
for (const [path, content] of Object.entries(files)) {
  mkdirSync(join(webRoot, path, '..'), { recursive: true });
  writeFileSync(join(webRoot, path), content);
}
after(() => rmSync(webRoot, { recursive: true, force: true }));

/// GET with the raw bytes of the answer (no decompression), so that the encoding itself can be checked.
function fetchRaw(hub, path, headers = {}) {
  return new Promise((resolve, reject) => {
    httpGet(new URL(path, hub.url), { headers: { Connection: 'close', ...headers }, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('static files: widget, demo page and portal', () => {
  const hub = useHub({ hub: { server: { web_root: webRoot } } });

  test('serves the widget script to any site, with its type and a validator', async () => {
    const res = await fetchRaw(hub, '/widget.js');
    assert.equal(res.status, 200);
    assert.equal(res.bytes.toString(), widgetScript);
    assert.match(res.headers['content-type'], /^text\/javascript/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.headers.etag, /^"[0-9a-f]{32}"$/);
  });

  test('every servable type is served with its content type', async () => {
    for (const [name, type] of Object.entries(types)) {
      const res = await send(hub.url, 'GET', `/portal/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers['content-type'], type, name);
      assert.equal(res.text, typed(name));
    }
  });

  test('answers 304 to a request that holds the current version', async () => {
    const first = await fetchRaw(hub, '/widget/panel.css');
    const again = await fetchRaw(hub, '/widget/panel.css', { 'If-None-Match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
    const stale = await fetchRaw(hub, '/widget/panel.css', { 'If-None-Match': '"0000"' });
    assert.equal(stale.status, 200);
  });

  test('compresses for clients that accept gzip', async () => {
    const res = await fetchRaw(hub, '/widget.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(res.headers.vary, /Accept-Encoding/);
    assert.ok(res.bytes.length < widgetScript.length / 4, `${res.bytes.length} bytes gzipped`);
    assert.equal(gunzipSync(res.bytes).toString(), widgetScript);
  });

  test('serves a file changed on disk without a restart', async () => {
    const path = join(webRoot, 'portal/app.js');
    const before = await fetchRaw(hub, '/portal/app.js');
    writeFileSync(path, 'import "./inbox.js"; // a new release, longer than before');
    const changed = await fetchRaw(hub, '/portal/app.js');
    assert.equal(changed.bytes.toString(), 'import "./inbox.js"; // a new release, longer than before');
    assert.notEqual(changed.headers.etag, before.headers.etag);
  });

  test('pages carry a strict Content-Security-Policy; the portal is not shared with other sites', async () => {
    for (const path of ['/demo', '/portal', '/portal/']) {
      const res = await fetchRaw(hub, path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers['content-type'], /^text\/html/);
      const policy = res.headers['content-security-policy'];
      assert.match(policy, /script-src 'self'/);
      assert.match(policy, /frame-ancestors 'none'/);
      assert.doesNotMatch(policy, /unsafe-inline/);
    }
    const portalScript = await fetchRaw(hub, '/portal/app.js');
    assert.equal(portalScript.headers['access-control-allow-origin'], undefined);
    const shared = await fetchRaw(hub, '/shared/socket-client.js');
    assert.equal(shared.headers['access-control-allow-origin'], '*');
  });

  test('the root redirects to the portal', async () => {
    const res = await fetchRaw(hub, '/');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/portal');
  });

  test('nothing outside the served folders, hidden or of an unknown type is served', async () => {
    for (const path of ['/portal/notes.txt', '/portal/.hidden.js', '/widget/missing.js', '/secret.js',
                        '/portal/%2e%2e%2fsecret.js', '/shared/..%2fsecret.js']) {
      const res = await fetchRaw(hub, path);
      assert.equal(res.status, 404, path);
      assert.equal(JSON.parse(res.bytes.toString()).error.code, 'not_found', path);
    }
    const dotted = await sendRaw(hub.url, 'GET /portal/../secret.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(dotted, 404);
  });

  test('only GET is allowed', async () => {
    const status = await sendRaw(hub.url, 'POST /widget.js HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    assert.equal(status, 405);
  });
});

// The handover block edited through the API (the portal's settings page) and "Test": validated like the
// file at start-up, written back into the widget's YAML atomically, applied without a restart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { adminToken, assertError, createAgent, eventually, expectStatus, get, initVisitor, post, put } from './lib/api.mjs';
import { startReceiver } from './lib/webhook-receiver.mjs';

const NEW_SECRET = 'whsec_bmV3LXNpZ25pbmcta2V5LWZvci1jcm0y';
const receiver = await startReceiver(NEW_SECRET);
const MASK = '********';

describe('handover configuration over the API', () => {
  // Registered before the hub's teardown, which throws when the hub did not stop cleanly: the receiver still closes.
  after(() => receiver.close());
  const hub = useHub({ hub: { outbound: { total_timeout_ms: 800, connect_timeout_ms: 500 } } });
  let admin;
  let agent;
  let outsider;
  const widgetFile = () => join(hub.dir, 'widgets', 'demo.yaml');
  const config = async (token = agent.token) => expectStatus(await get(hub, '/api/handover/config/demo', { token }), 200);

  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
    outsider = await createAgent(hub, admin, { widgets: ['other'] });
  });

  test('agents of the widget read it with secrets masked; others cannot', async () => {
    const current = await config();
    assert.equal(current.widget_id, 'demo');
    assert.equal(current.enabled, true);
    assert.equal(current.default_method, 'portal');
    assert.equal(current.max_attempts, 3);
    assert.deepEqual(current.methods.map((m) => m.name), ['portal', 'webhook']);
    const webhook = current.methods[1];
    assert.equal(webhook.channel, 'webhook');
    assert.equal(webhook.label, 'Our CRM');
    assert.equal(webhook.settings.secret, MASK);
    assert.equal(webhook.settings.url, 'http://127.0.0.1:9/hooks/chat');
    assert.ok(!JSON.stringify(current).includes(hub.webhookSecret), 'the secret never leaves the hub');
    assertError(await get(hub, '/api/handover/config/demo', { token: outsider.token }), 404, 'not_found');
    assertError(await get(hub, '/api/handover/config/demo'), 401, 'unauthorized');
  });

  test('bad input is refused naming the key, and neither the file nor the running config changes', async () => {
    const before = readFileSync(widgetFile(), 'utf8');
    const current = await config();
    assertError(await put(hub, '/api/handover/config/demo', current, { token: agent.token }), 403, 'forbidden');
    const cases = [
      [{ ...current, methods: [...current.methods, { name: 'fax', channel: 'fax-machine' }] }, 'handover.methods.fax.channel'],
      [{ ...current, methods: [current.methods[0], { ...current.methods[1], settings: { url: 'ftp://crm.example/x', secret: MASK } }] },
        'handover.methods.webhook.url'],
      [{ ...current, default_method: 'pigeon' }, 'handover.default_method'],
      [{ ...current, max_attempts: 99 }, 'handover.max_attempts'],
      [{ ...current, enabled: 'yes' }, 'handover.enabled'],
      [{ ...current, methods: [{ name: 'crm2', channel: 'webhook', settings: { url: `${receiver.url}/ok`, secret: MASK } }] },
        'handover.methods.crm2.secret'],
    ];
    for (const [body, field] of cases) {
      const res = await put(hub, '/api/handover/config/demo', body, { token: admin });
      assertError(res, 422, 'validation_failed', field);
    }
    assert.equal(readFileSync(widgetFile(), 'utf8'), before);
    assert.deepEqual(await config(), current);
  });

  test('a setting its channel refuses is named, with the line of its key in the file as written', async () => {
    const current = await config(admin);
    const withSecret = (secret) => ({ ...current, methods: [...current.methods,
      { name: 'lined', channel: 'webhook', settings: { url: `${receiver.url}/ok`, secret } }] });
    const res = await put(hub, '/api/handover/config/demo', withSecret('short'), { token: admin });
    assertError(res, 422, 'validation_failed', 'handover.methods.lined.secret');

    // Accepted with a good secret, the same change shows where that key is written.
    expectStatus(await put(hub, '/api/handover/config/demo', withSecret(NEW_SECRET), { token: admin }), 200);
    const lines = readFileSync(widgetFile(), 'utf8').split('\n');
    const method = lines.findIndex((text) => /^\s+lined:/.test(text));
    const line = lines.findIndex((text, i) => i > method && /^\s+secret:/.test(text)) + 1;
    assert.ok(line > 0);
    assert.match(res.body.error.message, new RegExp(`^demo\\.yaml:${line}: handover\\.methods\\.lined\\.secret: `));
    expectStatus(await put(hub, '/api/handover/config/demo', current, { token: admin }), 200);
  });

  test('a valid change is written into the widget file and applies at once', async () => {
    const current = await config();
    const changed = {
      ...current,
      default_method: 'crm2',
      methods: [
        ...current.methods,
        { name: 'crm2', channel: 'webhook', label: 'Sales', requires: ['email'], confirmation: 'Sales will write to you.',
          settings: { url: `${receiver.url}/ok`, secret: NEW_SECRET } },
      ],
    };
    const saved = expectStatus(await put(hub, '/api/handover/config/demo', changed, { token: admin }), 200);
    assert.equal(saved.default_method, 'crm2');
    assert.deepEqual(saved.methods.map((m) => m.name), ['portal', 'webhook', 'crm2']);
    assert.equal(saved.methods[2].settings.secret, MASK);
    assert.deepEqual(await config(), saved);

    const file = readFileSync(widgetFile(), 'utf8');
    assert.match(file, /name: "Demo Shop"/, 'the rest of the file is kept');
    assert.match(file, /allowed_origins/);
    assert.match(file, /\$\{SWITCHBOARD_TEST_WEBHOOK_SECRET\}/, 'the masked secret keeps its ${ENV} form');
    assert.match(file, /crm2:/);

    // Applied without a restart: a visitor's request now goes to the new default method, signed with its secret.
    const visitor = await initVisitor(hub);
    const accepted = expectStatus(await post(hub, '/api/handover/request', { conversation_id: visitor.conversation_id },
      { token: visitor.visitor_token }), 201);
    assert.equal(accepted.request.method, 'crm2');
    assert.equal(accepted.message, 'Sales will write to you.');
    await receiver.until(() => receiver.at('/ok').some((e) => e.json?.request_id === accepted.request.id), 'delivery to crm2');
    assert.ok(receiver.at('/ok').every((e) => e.verified && e.hexVerified));
    const widgetConfig = expectStatus(await get(hub, '/api/widget/config?widget_id=demo'), 200);
    assert.ok(JSON.stringify(widgetConfig).includes('Sales'), 'the widget offers the new method');
  });

  test('"Test" on a webhook method has the channel send a signed test event and reports the receiver\'s answer', async () => {
    const test = (settings, options = { token: admin }) =>
      post(hub, '/api/handover/test', { channel: 'webhook', settings }, options);
    const result = expectStatus(await test({ url: `${receiver.url}/ok`, secret: NEW_SECRET }), 200);
    assert.equal(result.ok, true);
    assert.equal(result.status_code, 200);
    assert.equal(typeof result.latency_ms, 'number');
    assert.equal(result.response_excerpt, '{"received":true}');
    assert.match(result.reference, /^test_/);
    await eventually(() => receiver.at('/ok').some((e) => e.headers['webhook-id'] === result.reference), 'the test event arrives');
    const arrived = receiver.at('/ok').find((e) => e.headers['webhook-id'] === result.reference);
    assert.equal(arrived.json.event, 'webhook.test');
    assert.ok(arrived.verified && arrived.hexVerified);

    const gone = expectStatus(await test({ url: `${receiver.url}/gone`, secret: NEW_SECRET }), 200);
    assert.equal(gone.ok, false);
    assert.equal(gone.status_code, 410);
    const silent = expectStatus(await test({ url: `${receiver.url}/hang`, secret: NEW_SECRET }), 200);
    assert.equal(silent.ok, false);
    assert.equal(silent.status_code, null);
    assert.match(silent.detail, /time/i);

    assertError(await test({ url: 'http://10.1.2.3/hook', secret: NEW_SECRET }), 422, 'validation_failed', 'settings.url');
    assertError(await test({ url: `${receiver.url}/ok`, secret: 'short' }), 422, 'validation_failed', 'settings.secret');
    assertError(await test({ url: `${receiver.url}/ok`, secret: NEW_SECRET }, { token: agent.token }), 403, 'forbidden');
    assertError(await post(hub, '/api/handover/test', { channel: 'portal', settings: {} }, { token: admin }),
      422, 'test_not_supported');
    assertError(await post(hub, '/api/handover/test', { channel: 'fax', settings: {} }, { token: admin }), 404, 'not_found');
  });

  test('"Test" on a saved method uses its saved settings, whose secret the portal never sees', async () => {
    const current = await config();
    const methods = current.methods.filter((m) => m.name !== 'saved-crm');
    expectStatus(await put(hub, '/api/handover/config/demo', { ...current, methods: [...methods,
      { name: 'saved-crm', channel: 'webhook', label: 'Saved CRM', settings: { url: `${receiver.url}/ok`, secret: NEW_SECRET } }] },
    { token: admin }), 200);

    const result = expectStatus(await post(hub, '/api/handover/test', { widget_id: 'demo', method: 'saved-crm' },
      { token: admin }), 200);
    assert.equal(result.ok, true);
    await eventually(() => receiver.at('/ok').some((e) => e.headers['webhook-id'] === result.reference), 'the test event arrives');
    const arrived = receiver.at('/ok').find((e) => e.headers['webhook-id'] === result.reference);
    assert.ok(arrived.verified && arrived.hexVerified, 'signed with the saved secret');

    // A URL being edited replaces the saved one; the masked secret keeps the saved one.
    const edited = expectStatus(await post(hub, '/api/handover/test',
      { widget_id: 'demo', method: 'saved-crm', settings: { url: `${receiver.url}/gone`, secret: MASK } }, { token: admin }), 200);
    assert.equal(edited.status_code, 410);

    assertError(await post(hub, '/api/handover/test', { widget_id: 'demo', method: 'fax' }, { token: admin }),
      404, 'not_found');
    assertError(await post(hub, '/api/handover/test', { widget_id: 'nope', method: 'saved-crm' }, { token: admin }),
      404, 'not_found');
    assertError(await post(hub, '/api/handover/test', { widget_id: 'demo', method: 'portal' }, { token: admin }),
      422, 'test_not_supported');
    assertError(await post(hub, '/api/handover/test', { widget_id: 'demo' }, { token: admin }),
      400, 'missing_field', 'method');
    assertError(await post(hub, '/api/handover/test', { widget_id: 'demo', method: 'saved-crm' },
      { token: agent.token }), 403, 'forbidden');
  });

  test('the first API\'s POST /api/handover/test-webhook still tests a webhook, in that API\'s words', async () => {
    const legacy = (body, options = { token: admin }) => post(hub, '/api/handover/test-webhook', body, options);
    const given = expectStatus(await legacy({ webhook_url: `${receiver.url}/ok`, webhook_secret: NEW_SECRET }), 200);
    assert.equal(given.ok, true);
    assert.equal(given.error, null);
    assert.match(given.webhook_id, /^test_/);
    await eventually(() => receiver.at('/ok').some((e) => e.headers['webhook-id'] === given.webhook_id),
      'the test event arrives');
    assert.ok(receiver.at('/ok').find((e) => e.headers['webhook-id'] === given.webhook_id).verified);

    const gone = expectStatus(await legacy({ webhook_url: `${receiver.url}/gone`, webhook_secret: NEW_SECRET }), 200);
    assert.equal(gone.ok, false);
    assert.equal(gone.status_code, 410);
    assert.equal(typeof gone.error, 'string');

    const saved = expectStatus(await legacy({ widget_id: 'demo', method: 'saved-crm' }), 200);
    assert.equal(saved.ok, true, 'signed with the saved secret, as before');
    assertError(await legacy({ webhook_url: 'http://10.1.2.3/hook', webhook_secret: NEW_SECRET }), 422,
      'validation_failed', 'webhook_url');
    assertError(await legacy({ webhook_url: `${receiver.url}/ok`, webhook_secret: 'short' }), 422,
      'validation_failed', 'webhook_secret');
    assertError(await legacy({ webhook_url: `${receiver.url}/ok` }), 400, 'missing_field', 'webhook_secret');
    assertError(await legacy({ webhook_url: `${receiver.url}/ok`, webhook_secret: NEW_SECRET }, { token: agent.token }),
      403, 'forbidden');
  });

  test('a webhook URL the outbound policy refuses is refused when saved, naming the field', async () => {
    const before = readFileSync(widgetFile(), 'utf8');
    const current = await config(admin);
    const withUrl = (url) => ({ ...current, methods: current.methods.map((m) => (m.name === 'webhook'
      ? { ...m, settings: { ...m.settings, url } } : m)) });
    // Private, link-local (cloud metadata), loopback that is not allow-listed, not http(s).
    for (const url of ['http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.2:9/hook',
      'http://[::1]:9/hook', 'file:///etc/passwd']) {
      assertError(await put(hub, '/api/handover/config/demo', withUrl(url), { token: admin }), 422, 'validation_failed',
        'handover.methods.webhook.url');
    }
    assert.equal(readFileSync(widgetFile(), 'utf8'), before);
  });

  test('credentials in a webhook URL are shown to admins only', async () => {
    const current = await config(admin);
    const url = `http://crm-user:crm-pass@127.0.0.1:${new URL(receiver.url).port}/hook?api_key=k-123&Access_Token=t-9&team=sales`;
    const methods = current.methods.map((m) => (m.name === 'webhook' ? { ...m, settings: { ...m.settings, url } } : m));
    const saved = expectStatus(await put(hub, '/api/handover/config/demo', { ...current, methods }, { token: admin }), 200);
    assert.equal(saved.methods.find((m) => m.name === 'webhook').settings.url, url);
    assert.equal((await config(admin)).methods.find((m) => m.name === 'webhook').settings.url, url);

    const seen = await config(agent.token);
    const shown = seen.methods.find((m) => m.name === 'webhook').settings.url;
    assert.equal(shown, `http://${MASK}@127.0.0.1:${new URL(receiver.url).port}/hook?api_key=${MASK}&Access_Token=${MASK}&team=sales`);
    for (const secret of ['crm-user', 'crm-pass', 'k-123', 't-9']) assert.ok(!JSON.stringify(seen).includes(secret), secret);
  });
});

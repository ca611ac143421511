// Channel plugins as the operator meets them: what the hub loaded, and a clear refusal to start when a plugin or
// a channel's settings are wrong.
import assert from 'node:assert/strict';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { Hub, useHub } from './lib/hub.mjs';
import { adminToken, assertError, createAgent, expectStatus, get, post } from './lib/api.mjs';

/// Starts a hub that is expected to refuse to start; resolves with its log.
async function refusedStart(options) {
  const hub = new Hub(options);
  await assert.rejects(hub.setUp(), /exited during start-up \(code 1/);
  const log = hub.log();
  await hub.tearDown();
  return log;
}

describe('plugins', () => {
  const hub = useHub();

  test('admins see the loaded plugins with their channel instances', async () => {
    const admin = await adminToken(hub);
    const { plugins } = expectStatus(await get(hub, '/api/plugins', { token: admin }), 200);
    const names = plugins.map((plugin) => plugin.name);
    assert.ok(names.includes('webhook') && names.includes('portal'));
    const webhook = plugins.find((plugin) => plugin.name === 'webhook');
    assert.deepEqual(webhook.instances, ['webhook']);
    assert.equal(webhook.api_version, 2);
    assert.match(webhook.file, /webhook\.so$/);
    assert.ok(webhook.description.length > 0);
    // What the channel says about itself: the portal's handover-method form is built from it.
    assert.equal(webhook.channel.display_name, 'Webhook');
    assert.deepEqual(webhook.channel.handover_methods.map((m) => m.name), ['webhook']);
    assert.deepEqual(webhook.channel.method_settings.map((s) => [s.key, s.required, s.secret]),
      [['url', true, false], ['secret', true, true]]);
    assert.ok(webhook.channel.method_settings.every((s) => s.description.length > 0));
    const portal = plugins.find((plugin) => plugin.name === 'portal');
    assert.equal(portal.channel.handover_methods[0].label, 'Chat with an agent');

    const agent = await createAgent(hub, admin, { widgets: ['demo'] });
    assertError(await get(hub, '/api/plugins', { token: agent.token }), 403, 'forbidden');
    assertError(await get(hub, '/api/plugins'), 401, 'unauthorized');
  });

  test('provider callbacks reach the channel instance; an unknown instance is 404', async () => {
    const res = await post(hub, '/api/channels/webhook/inbound/status', { MessageStatus: 'delivered' });
    assert.equal(res.status, 404);
    assert.equal(res.text, 'this channel takes no callbacks', 'answered by the webhook channel itself');
    assertError(await post(hub, '/api/channels/fax/inbound/status', {}), 404, 'not_found');
  });
});

describe('start-up refusals', () => {
  const bin = process.env.SWITCHBOARD_BIN ? resolve(process.env.SWITCHBOARD_BIN) : resolve('build/bin/switchboard');
  const testPlugins = join(dirname(bin), '../test-plugins');
  const builtPlugins = join(dirname(bin), '../plugins');
  const folders = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  test('a plugin built for plugin API 1 is refused with a message that says to rebuild it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-plugins-'));
    folders.push(folder);
    for (const name of ['webhook.so', 'portal.so']) copyFileSync(join(builtPlugins, name), join(folder, name));
    copyFileSync(join(testPlugins, 'api1/api1.so'), join(folder, 'legacy.so'));
    const log = await refusedStart({ hub: { plugin_dir: folder } });
    assert.match(log, /legacy\.so: built for plugin API 1, this hub speaks 2: rebuild it against SDK version 2/);
  });

  test('a channel instance naming a missing plugin or a bad setting is refused, naming the key', async () => {
    const log = await refusedStart({
      hub: {
        channels: {
          webhook: { plugin: 'webhook', settings: { user_agent: '', colour: 'blue' } },
          fax: { plugin: 'fax' },
        },
      },
    });
    assert.match(log, /channels\.webhook\.settings\.colour/);
    assert.match(log, /channels\.webhook\.settings\.user_agent/);
    assert.match(log, /channels\.fax.*no plugin named 'fax'/);
  });

  test('a widget handover method with settings its channel refuses is named with its file and key', async () => {
    const log = await refusedStart({
      widgets: { demo: { handover: { methods: { webhook: { url: 'ftp://crm.example/hook', secret: 'whsec_c3dpdGNoYm9hcmQtZGVtby1rZXktMTIzNDU2' } } } } },
    });
    assert.match(log, /demo\.yaml:\d+: handover\.methods\.webhook\.url: /);
  });
});

describe('plugin folders', () => {
  const bin = process.env.SWITCHBOARD_BIN ? resolve(process.env.SWITCHBOARD_BIN) : resolve('build/bin/switchboard');
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-plugins-'));
  copyFileSync(join(dirname(bin), '../test-plugins/echo/echo.so'), join(folder, 'echo.so'));
  copyFileSync(join(dirname(bin), '../plugins/webhook.so'), join(folder, 'webhook.so'));
  const hub = useHub({
    hub: { plugin_dir: folder, channels: { greeter: { plugin: 'echo', settings: { greeting: 'Hello' } } } },
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('a plugin_dir of other plugins still gets the built-in channels; its own copy of one is used instead', async () => {
    const admin = await adminToken(hub);
    const { plugins } = expectStatus(await get(hub, '/api/plugins', { token: admin }), 200);
    const files = Object.fromEntries(plugins.map((plugin) => [plugin.name, plugin.file]));
    assert.equal(files.echo, join(folder, 'echo.so'));
    assert.equal(files.webhook, join(folder, 'webhook.so'));
    assert.match(files.portal, /\/plugins\/portal\.so$/, 'the built-in portal channel is found next to the binary');
    assert.match(hub.log(), /plugin webhook from .*webhook\.so is used instead of the built-in one, .*\/plugins\/webhook\.so/);
  });
});


describe('a channel\'s Test is guarded like its deliveries', () => {
  const bin = process.env.SWITCHBOARD_BIN ? resolve(process.env.SWITCHBOARD_BIN) : resolve('build/bin/switchboard');
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-plugins-'));
  for (const name of ['hanging', 'throwing']) {
    copyFileSync(join(dirname(bin), `../test-plugins/${name}/${name}.so`), join(folder, `${name}.so`));
  }
  const hub = useHub({
    hub: {
      plugin_dir: folder,
      delivery: { attempt_timeout_s: 1 },
      channels: { stuck: { plugin: 'hanging' }, broken: { plugin: 'throwing' } },
    },
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const runTest = (admin, channel, settings) => post(hub, '/api/handover/test', { channel, settings }, { token: admin });

  test('a Test that throws is a failed test; one that hangs is a 504 at the time limit', async () => {
    const admin = await adminToken(hub);
    const thrown = expectStatus(await runTest(admin, 'broken', {}), 200);
    assert.equal(thrown.ok, false);
    assert.equal(thrown.detail, 'the channel failed: the test exploded');

    // The hanging channel's Test returns by itself after 4 s; the hub answers at its 1 s limit.
    const started = Date.now();
    const hung = await runTest(admin, 'stuck', { hang_ms: '4000' });
    assertError(hung, 504, 'channel_timeout');
    assert.equal(hung.body.error.message, 'the channel did not answer within 1000 ms');
    assert.ok(Date.now() - started < 3500, 'the request is not held until the channel returns');

    assert.equal(expectStatus(await runTest(admin, 'stuck', {}), 200).ok, true, 'the channel still answers Tests');
  });
});

// `switchboard check-config`: every check the hub makes before it starts, the plugins and channels included, with
// the file and line of each problem, without starting a hub.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { Hub } from './lib/hub.mjs';

const bin = process.env.SWITCHBOARD_BIN ? resolve(process.env.SWITCHBOARD_BIN) : resolve('build/bin/switchboard');
const builtPlugins = join(dirname(bin), '../plugins');
const testPlugins = join(dirname(bin), '../test-plugins');

/// The 1-based line of the first line of `file` that contains `text`.
function lineOf(file, text) {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `${text} is not in ${file}`);
  return index + 1;
}

describe('check-config', () => {
  const hubs = [];
  const folders = [];
  after(async () => {
    for (const hub of hubs) await hub.tearDown();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  async function check(options) {
    const hub = new Hub(options);
    hubs.push(hub);
    await hub.prepare();
    return { hub, ...(await hub.command(['check-config'])) };
  }

  test('a configuration the hub would start with passes, naming the port and database it would use', async () => {
    const { hub, code, stdout, stderr } = await check();
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^configuration OK: .*hub\.yaml, 2 widget\(s\), 2 channel\(s\) on 2 plugin\(s\)$/m);
    assert.match(stdout, new RegExp(`^server\\.port: ${hub.port}$`, 'm'));
    assert.match(stdout, /^database\.url: (sqlite:|postgresql:)/m);
  });

  test('a channel setting its plugin refuses is an error with the hub.yaml line, as serve refuses it', async () => {
    const { hub, code, stdout, stderr } = await check({
      hub: { channels: { webhook: { plugin: 'webhook', settings: { colour: 'blue' } } } },
    });
    assert.equal(code, 1, stdout);
    const line = lineOf(hub.configFile, 'colour:');
    assert.match(stderr, new RegExp(`hub\\.yaml:${line}: channels\\.webhook\\.settings\\.colour: `));
    assert.match(stderr, /^1 configuration error\(s\)$/m);
    assert.doesNotMatch(stderr, /did not start/);
  });

  test('a handover method setting its channel refuses is an error with the widget file and line', async () => {
    const { hub, code, stderr } = await check({
      widgets: { demo: { handover: { methods: { webhook: { url: 'ftp://crm.example/hook' } } } } },
    });
    assert.equal(code, 1);
    const line = lineOf(join(hub.dir, 'widgets/demo.yaml'), 'url:');
    assert.match(stderr, new RegExp(`demo\\.yaml:${line}: handover\\.methods\\.webhook\\.url: `));
    assert.doesNotMatch(stderr, /did not start/);
  });

  test('a plugin built for another plugin API is refused', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-plugins-'));
    folders.push(folder);
    for (const name of ['webhook.so', 'portal.so']) copyFileSync(join(builtPlugins, name), join(folder, name));
    copyFileSync(join(testPlugins, 'api1/api1.so'), join(folder, 'api1.so'));
    const { code, stderr } = await check({ hub: { plugin_dir: folder } });
    assert.equal(code, 1);
    assert.match(stderr, /api1\.so: built for plugin API 1, this hub speaks 2: rebuild it against SDK version 2/);
  });

  test('an error in the files is reported with its line and without a word about starting', async () => {
    const { code, stderr } = await check({ hub: { server: { colour: 'blue' } } });
    assert.equal(code, 1);
    assert.match(stderr, /hub\.yaml:\d+: server\.colour: /);
    assert.doesNotMatch(stderr, /did not start/);
  });
});

// The `relay` test plugin (tests/plugins/relay): a channel that stands for a messaging provider which reaches
// visitors by phone. Tests, browser tests and benchmarks load it from a plugin folder of its own, beside the
// built-in channels, and play the provider through its callbacks.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { post, query } from './api.mjs';

/// A new folder holding the built-in webhook and portal channels and the relay plugin, for hub.yaml's
/// `plugin_dir`; `remove()` deletes it.
export function relayPluginDir() {
  const bin = resolve(process.env.SWITCHBOARD_BIN ?? 'build/bin/switchboard');
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-relay-plugins-'));
  for (const name of ['webhook.so', 'portal.so']) copyFileSync(join(dirname(bin), '../plugins', name), join(dir, name));
  copyFileSync(join(dirname(bin), '../test-plugins/relay/relay.so'), join(dir, 'relay.so'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/// A provider's callback to the hub's channel instance `relay` (`status`, `opt-out`, `message`, ...); resolves with
/// the channel's plain-text answer.
export async function relayCallback(hub, path, params = {}) {
  const res = await post(hub, `/api/channels/relay/inbound/${path}${query(params)}`, '');
  assert.equal(res.status, 200, res.text);
  return res.text;
}

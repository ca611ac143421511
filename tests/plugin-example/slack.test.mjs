// The out-of-tree example channel (plugins/example, built by ./run against the installed SDK) loaded into a running
// hub: a visitor's handover request is delivered through it to a Slack-style incoming webhook.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, createAgent, eventually, expectStatus, get, initVisitor, post } from '../integration/lib/api.mjs';

const posts = [];
const slack = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    posts.push({ path: req.url, contentType: req.headers['content-type'], json: JSON.parse(body) });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
await new Promise((resolve) => slack.listen(0, '127.0.0.1', resolve));
const slackUrl = `http://127.0.0.1:${slack.address().port}/services/T000/B000/XXXX`;

describe('the example plugin, built out of tree', () => {
  const hub = useHub({
    hub: { channels: { team_chat: { plugin: 'slack', settings: { mention_here: 'false' } } } },
    widgets: { demo: { handover: { methods: { slack: { channel: 'team_chat', label: 'Our team', webhook_url: slackUrl } } } } },
  });
  let agent;
  let admin;
  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
  });
  after(() => new Promise((resolve) => slack.close(resolve)));

  test('the hub lists it and delivers a handover through it', async () => {
    const { plugins } = expectStatus(await get(hub, '/api/plugins', { token: admin }), 200);
    const plugin = plugins.find((p) => p.name === 'slack');
    assert.ok(plugin, 'slack is loaded');
    assert.deepEqual(plugin.instances, ['team_chat']);

    const visitor = await initVisitor(hub, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const accepted = expectStatus(await post(hub, '/api/handover/request',
      { conversation_id: visitor.conversation_id, requested_method: 'slack', visitor_message: 'Need help <now>' },
      { token: visitor.visitor_token }), 201);
    await eventually(async () => {
      const detail = expectStatus(await get(hub, `/api/handover/requests/${accepted.request.id}`, { token: agent.token }), 200);
      return detail.status === 'notified';
    }, 'the request is notified', 15_000);
    assert.equal(posts.length, 1);
    assert.equal(posts[0].path, '/services/T000/B000/XXXX');
    assert.match(posts[0].contentType, /application\/json/);
    assert.match(posts[0].json.text, /Ada Lovelace \(ada@example\.com\) asks for a person on demo: Need help &lt;now&gt;/);
  });
});

// The visitor's channel in the agent portal, with the `relay` test channel standing for WhatsApp: where replies go
// and changing it, and the delivery status of each reply moving live as the provider reports it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot, signInToPortal } from './lib/browser.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, conversation, eventually, expectStatus, get, patch, unique } from '../integration/lib/api.mjs';
import { relayCallback, relayPluginDir } from '../integration/lib/relay.mjs';

describe('agent portal: the visitor\'s channel', () => {
  const plugins = relayPluginDir();
  after(() => plugins.remove());
  const hub = useHub({ hub: { plugin_dir: plugins.dir, channels: { relay: { plugin: 'relay' } } } });
  let admin;
  let browser;
  let page;
  const pageErrors = [];

  before(async () => {
    admin = await adminToken(hub);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && process.stderr.write(`console error: ${message.text()}\n`));
    await signInToPortal(page, hub);
  });

  after(async () => {
    await browser?.close();
  });

  const log = () => page.getByRole('log', { name: 'Messages' });
  const messageBox = () => page.getByRole('textbox', { name: 'Message' });
  const reach = () => page.locator('.composer-reach');
  const replyBy = () => page.getByLabel('Reply by');
  /// The delivery status shown beside the stored message with this text.
  const statusOf = (text) => log().locator('.message[data-seq]').filter({ hasText: text }).locator('.delivery-status');

  /// A contact writes in through the relay channel, which opens a conversation; resolves with its id.
  async function writesInByRelay(name, address) {
    const answer = await relayCallback(hub, 'message',
      { widget: 'demo', address, name, text: `Hello from ${address}`, external_id: unique('relay-in-') });
    const [kind, conversationId] = answer.split('|');
    assert.equal(kind, 'stored', answer);
    return conversationId;
  }

  async function openConversation(name) {
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  }

  async function reply(text) {
    await messageBox().fill(text);
    await messageBox().press('Enter');
    await log().locator('.message[data-seq]').filter({ hasText: text }).waitFor();
  }

  /// The stored message with this text, as agents get it over REST.
  async function storedMessage(conversationId, text) {
    const { messages } = expectStatus(await get(hub, `/api/conversations/${conversationId}/messages`, { token: admin }), 200);
    return messages.find((message) => message.text === text);
  }

  test('an agent replies to a visitor whose channel is the test channel and sees the status move from queued to delivered',
    async () => {
      const name = unique('Ada Relay ');
      const address = '+447700900123';
      const conversationId = await writesInByRelay(name, address);
      const reached = (await conversation(hub, admin, conversationId)).visitor_channel;
      assert.equal(reached?.channel, 'relay', 'the inbound message makes relay the visitor\'s channel');
      assert.equal(reached.address, address);

      await openConversation(name);
      await reach().filter({ hasText: `Replying by ${reached.display_name} · ${address}` }).waitFor();
      assert.equal(await replyBy().inputValue(), 'relay');

      const text = 'Your parcel ships today';
      await reply(text);
      // Queued in the outbox, or already handed to the provider: the channel accepts at once.
      await statusOf(text).filter({ hasText: /^(Queued|Sent)$/ }).waitFor();

      let delivery;
      await eventually(async () => {
        delivery = (await storedMessage(conversationId, text)).delivery;
        return delivery?.status === 'sent';
      }, 'the outbox hands the reply to the relay channel', 15_000);
      assert.equal(delivery.channel, 'relay');
      await statusOf(text).filter({ hasText: /^Sent$/ }).waitFor();

      const providerId = delivery.provider_id ?? `relay-${delivery.id}`;
      assert.equal(await relayCallback(hub, 'status', { provider_id: providerId, status: 'delivered' }), 'applied');
      await statusOf(text).filter({ hasText: /^Delivered$/ }).waitFor();
      assert.equal(await statusOf(text).getAttribute('data-delivery-status'), 'delivered');
      assert.equal(await statusOf(text).count(), 1, 'one status for the one reply');
      await screenshot(page, 'portal-delivery-status');
    });

  test('the agent changes where replies go, and a change made elsewhere shows live', async () => {
    const name = unique('Ben Relay ');
    const address = '+447700900124';
    const conversationId = await writesInByRelay(name, address);
    await openConversation(name);
    await reach().filter({ hasText: address }).waitFor();

    await replyBy().selectOption({ label: 'Widget only' });
    await reach().filter({ hasText: 'Replying in the widget only' }).waitFor();
    await eventually(async () => (await conversation(hub, admin, conversationId)).visitor_channel === null,
      'the hub reaches the visitor in the widget only');
    const text = 'Only in the widget';
    await reply(text);
    assert.equal((await storedMessage(conversationId, text)).delivery, null, 'a widget-only reply is not delivered elsewhere');
    assert.equal(await statusOf(text).count(), 0);

    const changed = expectStatus(await patch(hub, `/api/conversations/${conversationId}`, { visitor_channel: 'relay' },
      { token: admin }), 200);
    assert.equal(changed.visitor_channel.channel, 'relay');
    await reach().filter({ hasText: `Replying by ${changed.visitor_channel.display_name} · ${address}` }).waitFor();
    assert.equal(await replyBy().inputValue(), 'relay');
    await screenshot(page, 'portal-visitor-channel');

    // The hub's refusal (here made up in the browser: say the contact opted out meanwhile) shows under the control,
    // which goes back to where replies still go.
    const refusal = 'Ben Relay cannot be reached by relay: the contact opted out.';
    await page.route(`**/api/conversations/${conversationId}`, (route) => (route.request().method() === 'PATCH'
      ? route.fulfill({ status: 422, contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'visitor_unreachable', message: refusal, field: 'visitor_channel' } }) })
      : route.fallback()));
    try {
      await replyBy().selectOption({ label: 'Widget only' });
      await page.getByRole('alert').filter({ hasText: refusal }).waitFor();
      assert.equal(await replyBy().inputValue(), 'relay');
      assert.equal(await replyBy().getAttribute('aria-invalid'), 'true');
    } finally {
      await page.unroute(`**/api/conversations/${conversationId}`);
    }
  });

  test('a message\'s status only moves forward, whatever order its reports arrive in', async () => {
    const shown = await page.evaluate(async () => {
      const { DeliveryStatuses } = await import('/portal/delivery-status.js');
      const statuses = new DeliveryStatuses();
      const report = (status, second, error = null) =>
        ({ channel: 'relay', status, error, updated_at: `2026-12-07T08:00:0${second}.000Z` });
      const late = [['delivered', 2], ['sent', 1], ['queued', 0], ['read', 3], ['failed', 4]]
        .map(([status, second]) => statuses.record('late', report(status, second)).status);
      const failed = [report('sent', 1), report('failed', 2, 'Unknown destination'), report('delivered', 3)]
        .map((update) => statuses.record('failed', update));
      statuses.record('early', report('sent', 1));
      return {
        late,
        failed: failed.map((delivery) => delivery.status),
        error: failed.at(-1).error,
        messageAfterItsStatus: statuses.apply({ id: 'early', delivery: report('queued', 0) }).delivery.status,
        withoutDelivery: statuses.apply({ id: 'none' }).delivery ?? null,
      };
    });
    assert.deepEqual(shown, {
      late: ['delivered', 'delivered', 'delivered', 'read', 'read'],
      failed: ['sent', 'failed', 'failed'],
      error: 'Unknown destination',
      messageAfterItsStatus: 'sent',
      withoutDelivery: null,
    });
  });

  test('nothing failed in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});

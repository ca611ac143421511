// The agent portal's admin pages in a real browser: a widget's handover settings (saved, refused with the
// error at its field, "Test" against a real webhook receiver), analytics, canned responses, and logging out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot, signInToPortal } from './lib/browser.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, createAgent, del, expectStatus, get, initVisitor, post } from '../integration/lib/api.mjs';
import { startReceiver } from '../integration/lib/webhook-receiver.mjs';

const RECEIVER_SECRET = 'whsec_cG9ydGFsLXRlc3Qtd2ViaG9vay1rZXk=';

describe('agent portal: settings, analytics and canned responses', () => {
  const hub = useHub();
  let receiver;
  let browser;
  let page;
  let admin;

  const handoverConfig = async () => expectStatus(await get(hub, '/api/handover/config/demo', { token: admin }), 200);
  const canned = async () => expectStatus(await get(hub, '/api/canned-responses', { token: admin }), 200).canned_responses;
  const webhookMethod = () => page.getByRole('group', { name: 'webhook', exact: true });
  /// The error shown for an input: the element its aria-describedby names.
  const errorOf = async (input) => page.locator(`#${await input.getAttribute('aria-describedby')}`);

  before(async () => {
    receiver = await startReceiver(RECEIVER_SECRET);
    admin = await adminToken(hub);
    await createAgent(hub, admin, { widgets: ['demo'] });
    // Handover requests for the analytics: one through the portal, one to a webhook that does not answer.
    for (const method of ['portal', 'portal', 'webhook']) {
      const visitor = await initVisitor(hub);
      expectStatus(await post(hub, '/api/handover/request', { conversation_id: visitor.conversation_id, requested_method: method },
        { token: visitor.visitor_token }), 201);
    }
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await signInToPortal(page, hub);
  });

  after(async () => {
    await browser?.close();
    await receiver?.close();
  });

  test('settings: a handover change is saved through the config API', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Widget', { exact: true }).inputValue(), 'demo');
    // The hub's widgets by name (GET /api/widgets), an admin serving them all.
    assert.deepEqual(await page.getByLabel('Widget', { exact: true }).locator('option').allTextContents(),
      ['Demo Shop (demo)', 'Other Site (other)']);
    await page.getByLabel('Delivery attempts').fill('5');
    await webhookMethod().getByLabel('Label').fill('Sales CRM');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Handover settings saved').waitFor();
    const saved = await handoverConfig();
    assert.equal(saved.max_attempts, 5);
    assert.equal(saved.methods.find((method) => method.name === 'webhook').label, 'Sales CRM');
    assert.equal(saved.methods.find((method) => method.name === 'webhook').settings.secret, '********', 'the secret is kept');
    await screenshot(page, 'portal-settings');
  });

  test('settings: a bad webhook URL shows the hub\'s 422 next to the field and changes nothing', async () => {
    const before = await handoverConfig();
    const url = webhookMethod().getByLabel('url', { exact: true });
    await url.fill('ftp://crm.example/hook');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const error = await errorOf(url);
    await error.waitFor();
    assert.match(await error.textContent(), /\S/, 'a message is shown at the field');
    assert.equal(await url.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await handoverConfig(), before);
  });

  test('"Test" against a real webhook receiver shows its status and latency', async () => {
    const method = webhookMethod();
    // The form offers the hub's channel instances and shows what the channel says each setting is for.
    assert.deepEqual(await method.getByLabel('Channel').locator('option').allTextContents(),
      ['portal (Portal)', 'webhook (Webhook)']);
    await method.getByText('The http(s) address each handover request is POSTed to').waitFor();
    await method.getByLabel('url', { exact: true }).fill(`${receiver.url}/ok`);
    // With the secret still masked, the hub signs with the saved one, which this receiver does not know: 401.
    await method.getByRole('button', { name: 'Test', exact: true }).click();
    const result = method.getByRole('status');
    await result.getByText('Test failed').waitFor();
    await result.getByText(/HTTP 401/).waitFor();
    const tests = () => receiver.at('/ok').filter((entry) => entry.json?.event === 'webhook.test');
    assert.equal(tests().length, 1, 'the test went out, signed with the saved secret');
    assert.equal(tests()[0].verified, false);

    await method.getByLabel('secret', { exact: true }).fill(RECEIVER_SECRET);
    await method.getByRole('button', { name: 'Test', exact: true }).click();
    await result.getByText('Destination answered').waitFor();
    await result.getByText(/HTTP 200 · \d+ ms/).waitFor();
    await receiver.until(() => tests().length === 2, 'the second test event arrives');
    assert.ok(tests()[1].verified && tests()[1].hexVerified, 'signed with the secret typed in');

    await method.getByLabel('url', { exact: true }).fill(`${receiver.url}/gone`);
    await method.getByRole('button', { name: 'Test', exact: true }).click();
    await result.getByText('Test failed').waitFor();
    await result.getByText(/HTTP 410/).waitFor();
  });

  test('analytics of the last 30 days: a table and a bar chart by method', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: 'portal' }).waitFor();
    const portalRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'portal' }) });
    assert.equal(await portalRow.getByRole('cell').first().textContent(), '2', 'two requests through the portal');
    await table.getByRole('rowheader', { name: 'webhook' }).waitFor();
    const chart = page.getByRole('img', { name: /Handover requests by method, last 30 days/ });
    await chart.waitFor();
    assert.match(await chart.getAttribute('aria-label'), /portal: 2/);
    assert.equal(await chart.locator('rect').count() >= 2, true, 'a bar per method');
    await screenshot(page, 'portal-analytics');
  });

  test('canned responses: create, edit, refuse a taken shortcut, delete', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Canned responses' }).click();
    await page.getByText('No canned responses yet.').waitFor();
    await page.getByRole('button', { name: 'New canned response' }).click();
    await page.getByLabel('Title').fill('Refund policy');
    await page.getByLabel('Shortcut').fill('/refund');
    await page.getByLabel('Content').fill('Refunds take 5 working days.');
    await page.getByLabel('Scope').selectOption('shared');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('cell', { name: 'Refunds take 5 working days.' }).waitFor();
    assert.deepEqual((await canned()).map((item) => [item.shortcut, item.scope]), [['/refund', 'shared']]);

    await page.getByRole('button', { name: 'Edit /refund' }).click();
    await page.getByLabel('Content').fill('Refunds take 3 working days.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('cell', { name: 'Refunds take 3 working days.' }).waitFor();
    assert.equal((await canned())[0].content, 'Refunds take 3 working days.');

    await page.getByRole('button', { name: 'New canned response' }).click();
    await page.getByLabel('Title').fill('Another');
    await page.getByLabel('Shortcut').fill('/refund');
    await page.getByLabel('Content').fill('Duplicate');
    await page.getByLabel('Scope').selectOption('shared');
    await page.getByRole('button', { name: 'Create' }).click();
    const shortcutError = await errorOf(page.getByLabel('Shortcut'));
    await shortcutError.getByText(/already exists/).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'portal-canned-responses');

    await page.getByRole('button', { name: 'Delete /refund' }).click();
    await page.getByRole('button', { name: 'Confirm delete /refund' }).click();
    await page.getByText('No canned responses yet.').waitFor();
    assert.deepEqual(await canned(), []);
  });

  test('an agent deactivated while their portal is open is sent to the sign-in form with a notice', async () => {
    const member = await createAgent(hub, admin, { widgets: ['demo'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const agentPage = await context.newPage();
      await signInToPortal(agentPage, hub, member.email, member.password);

      // No request of the page's own: the hub closes its socket, and the reconnect is refused.
      expectStatus(await del(hub, `/api/agents/${member.agent.id}`, { token: admin }), 204);
      await agentPage.getByText('Your session has ended. Please sign in again.').waitFor();
      await agentPage.getByRole('button', { name: 'Sign in' }).waitFor();
      await screenshot(agentPage, 'portal-session-ended');
    } finally {
      await context.close();
    }
  });

  test('logging out returns to the sign-in form and ends the session', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/api/me')).status), 401);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});

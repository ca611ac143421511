// A handover's confirmation is part of the conversation: the widget shows it once in the transcript (not in a
// dialog of its own), still after a reload, and the agent reads the same line in the portal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot, signInToPortal } from './lib/browser.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, expectStatus, get } from '../integration/lib/api.mjs';

const CONFIRMATION = 'Thanks! An agent will join this chat shortly.';
const WAIT_MS = 10_000;

describe('handover confirmation in the transcript', () => {
  let browser;
  let adminTok;
  const hub = useHub({
    widgets: {
      demo: {
        // Read when the hub writes its config: the hub's own port is only known then.
        get allowed_origins() {
          return [hub.url];
        },
        handover: { methods: { portal: { channel: 'portal', label: 'Chat with an agent', confirmation: CONFIRMATION } } },
      },
    },
  });

  before(async () => {
    browser = await launchBrowser();
    adminTok = await adminToken(hub);
  });

  after(async () => {
    await browser?.close();
  });

  /// The system lines the widget shows with `text`.
  const widgetLines = (page, text) => page.evaluate((t) => {
    const root = document.querySelector('switchboard-chat').shadowRoot;
    return [...root.querySelectorAll('.sb-from-system .sb-system-text')].filter((el) => el.textContent === t).length;
  }, text);

  async function untilShown(page, text) {
    await page.waitForFunction((t) => {
      const root = document.querySelector('switchboard-chat')?.shadowRoot;
      return [...(root?.querySelectorAll('.sb-from-system .sb-system-text') ?? [])].some((el) => el.textContent === t);
    }, text, { timeout: WAIT_MS, polling: 50 });
  }

  /// Sends `text` from the widget and waits until the hub confirmed it.
  async function sendMessage(page, text) {
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction((t) => {
      const root = document.querySelector('switchboard-chat').shadowRoot;
      return [...root.querySelectorAll('.sb-from-visitor[data-seq] .sb-bubble')].some((el) => el.textContent === t);
    }, text, { timeout: WAIT_MS, polling: 50 });
  }

  async function askForAPerson(page) {
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Talk to a person' });
    await dialog.getByRole('radio', { name: 'Chat with an agent' }).check();
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  test('the widget shows the confirmation once, also after asking again and after a reload; the portal shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hub.url}/demo`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByLabel('Your name').fill('Ada Notice');
    await page.getByLabel('Email').fill('ada.notice@example.com');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const conversationId = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard:demo')).conversation_id);

    await askForAPerson(page);
    await untilShown(page, CONFIRMATION);
    assert.equal(await page.getByRole('dialog', { name: 'Talk to a person' }).count(), 0);
    assert.equal(await page.getByRole('status').filter({ hasText: CONFIRMATION }).count(), 0, 'no copy of its own');
    // The request's answer and the live event both carry it. A message sent afterwards is acknowledged on the same
    // socket after the event, so once it is confirmed the event has been handled too.
    await sendMessage(page, 'Thank you');
    assert.equal(await widgetLines(page, CONFIRMATION), 1, 'shown once');
    await screenshot(page, 'widget-handover-notice');

    await askForAPerson(page);
    assert.equal(await widgetLines(page, CONFIRMATION), 1, 'asking again while the request is open adds nothing');
    const stored = expectStatus(await get(hub, `/api/conversations/${conversationId}/messages`, { token: adminTok }), 200);
    assert.deepEqual(stored.messages.map((m) => [m.sender_type, m.text]), [['system', CONFIRMATION], ['visitor', 'Thank you']]);

    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await untilShown(page, CONFIRMATION);
    assert.equal(await widgetLines(page, CONFIRMATION), 1, 'the history brings it back once after a reload');
    assert.deepEqual(errors, []);
    await context.close();

    const portalContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const portal = await portalContext.newPage();
    await signInToPortal(portal, hub);
    await portal.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Ada Notice/ }).click();
    await portal.getByRole('heading', { name: 'Ada Notice', level: 2 }).waitFor();
    const line = portal.getByRole('log', { name: 'Messages' }).locator('.message.from-system', { hasText: CONFIRMATION });
    await line.waitFor();
    assert.equal(await line.count(), 1, 'the agent reads the same line, once');
    await screenshot(portal, 'portal-handover-notice');
    await portalContext.close();
  });
});

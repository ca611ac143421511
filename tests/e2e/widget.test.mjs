// The visitor's chat widget in a real browser: embedded on the hub's demo page and on a customer's site on
// another origin, against the real hub.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot } from './lib/browser.mjs';
import { startCustomerSite } from './lib/customer-site.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, agentReply, conversation, conversationAction, createAgent, expectStatus, get } from '../integration/lib/api.mjs';
import { connectSocket, nextEvent, request } from '../integration/lib/socket.mjs';
import { startReceiver } from '../integration/lib/webhook-receiver.mjs';

const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const BUDGET_BYTES = 30 * 1024;
const WAIT_MS = 10_000;

let receiver;
let customerSite;
let browser;
let adminTok;
let hub;

// ---- helpers --------------------------------------------------------------------------------------

/// A fresh visitor (own storage) with a page; counts the oscillators the chime starts in window.__tones.
async function openPage(url, { viewport = { width: 1280, height: 720 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function countedStart(...args) {
      window.__tones += 1;
      return start.apply(this, args);
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.errors = errors;
  if (url) await page.goto(url);
  return page;
}

const demoUrl = () => `${hub.url}/demo`;

/// Polls a page-side condition until it holds.
async function until(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: WAIT_MS, polling: 50 });
  } catch (error) {
    throw new Error(`timed out waiting until ${what}: ${error.message}`);
  }
}

/// Resolves once `check()` holds, polling from the test side.
async function eventually(check, what) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const isFocused = (locator) => locator.evaluate((el) => el.getRootNode().activeElement === el);

const storedSession = (page, widgetId = 'demo') => page.evaluate((id) => JSON.parse(localStorage.getItem(`switchboard:${id}`) || '{}'), widgetId);

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/// Business hours on one day that is neither yesterday, today nor tomorrow (UTC): closed whenever the test runs.
const closedNow = () => ({
  enabled: true,
  timezone: 'UTC',
  windows: [{ days: [WEEKDAYS[(new Date().getUTCDay() + 3) % 7]], open: '09:00', close: '10:00' }],
});

/// Opens the widget and fills in the pre-chat form; resolves with the conversation id.
async function startChat(page, { name = 'Ada Lovelace', email = 'ada@example.com' } = {}) {
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const session = await storedSession(page);
  assert.ok(session.conversation_id, 'the conversation is remembered');
  return session.conversation_id;
}

/// Types a message and sends it with Enter; waits until the hub confirmed it (its time replaces "Sending…").
async function sendMessage(page, text) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await until(page, (t) => {
    const root = document.querySelector('switchboard-chat').shadowRoot;
    return [...root.querySelectorAll('.sb-from-visitor[data-seq] .sb-bubble')].some((el) => el.textContent === t);
  }, text, `"${text}" is confirmed`);
}

/// How many times `text` is shown as a message.
const shownCount = (page, text) => page.evaluate((t) => {
  const root = document.querySelector('switchboard-chat').shadowRoot;
  return [...root.querySelectorAll('.sb-bubble')].filter((el) => el.textContent === t).length;
}, text);

const messagesOf = async (conversationId) => {
  const res = await get(hub, `/api/conversations/${conversationId}/messages?limit=100`, { token: adminTok });
  return expectStatus(res, 200).messages;
};

async function agentSocketIn(conversationId, token = adminTok) {
  const socket = await connectSocket(hub, { token });
  const joined = await request(socket, 'agent:join_conversation', conversationId);
  assert.equal(joined.joined, true);
  return socket;
}

// ---- tests ----------------------------------------------------------------------------------------

describe('chat widget', () => {
  // Started before the hub, whose widget config names them.
  before(async () => {
    receiver = await startReceiver(WEBHOOK_SECRET);
    customerSite = await startCustomerSite(() => hub.url);
  });

  const webhookMethod = (label, requires) => ({
    channel: 'webhook', label, requires, url: `${receiver.url}/ok`, secret: WEBHOOK_SECRET,
  });

  hub = useHub({
    widgets: {
      demo: {
        // Read when the hub writes its config: the hub's own port is only known then.
        get allowed_origins() {
          return [hub.url, customerSite.origin];
        },
        get handover() {
          return {
            methods: {
              webhook: webhookMethod('Our sales team', ['name', 'email']),
              callback: webhookMethod('Call me back', ['phone']),
            },
          };
        },
      },
      closed: {
        name: 'Closed Shop',
        get allowed_origins() {
          return [customerSite.origin];
        },
        prechat: { enabled: false, fields: [] },
        business_hours: closedNow(),
        rate_limits: { conversations_per_ip_per_hour: 100000, messages_per_visitor_per_minute: 100000 },
        get handover() {
          return {
            enabled: true,
            default_method: 'portal',
            methods: { portal: { channel: 'portal' }, webhook: webhookMethod('Email our team', ['email']) },
          };
        },
      },
    },
  });

  before(async () => {
    browser = await launchBrowser();
    adminTok = await adminToken(hub);
  });

  after(async () => {
    await browser?.close();
    await receiver?.close();
    await customerSite?.close();
  });

  test('on a customer site on another origin, hostile page CSS does not reach it and chatting works', async () => {
    const page = await openPage(customerSite.url);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    const look = await launcher.evaluate((el) => {
      const style = getComputedStyle(el);
      return { display: style.display, width: el.getBoundingClientRect().width, radius: style.borderRadius };
    });
    assert.notEqual(look.display, 'none', 'the page\'s "button { display: none }" does not hide the launcher');
    assert.equal(look.width, 60);
    assert.equal(look.radius, '50%');
    await screenshot(page, 'widget-closed-customer-site');

    const conversationId = await startChat(page, { name: 'Grace Hopper', email: 'grace@example.com' });
    await sendMessage(page, 'Do you sell tomato seeds?');
    const bubble = page.getByText('Do you sell tomato seeds?');
    const text = await bubble.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, fontSize: style.fontSize, background: style.backgroundColor };
    });
    assert.notEqual(text.color, 'rgb(255, 0, 0)', 'the page\'s colour does not leak in');
    assert.equal(text.fontSize, '14px', 'the page\'s font size does not leak in');
    assert.equal(text.background, 'rgb(15, 118, 110)', "the visitor's bubble has the widget's primary colour");
    assert.equal(await page.getByRole('textbox', { name: 'Message' }).isVisible(), true);

    await agentReply(hub, adminTok, conversationId, 'Yes, six kinds!');
    await page.getByText('Yes, six kinds!').waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('pre-chat form: client checks, the hub\'s 422 next to its field, then a chat; Enter sends, Shift+Enter breaks lines', async () => {
    const page = await openPage(demoUrl());
    let inits = 0;
    page.on('request', (req) => { if (req.url().includes('/api/widget/init')) inits += 1; });
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await screenshot(page, 'widget-closed');
    await page.getByRole('button', { name: 'Open chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chat with Demo Shop' });
    await dialog.getByText('Hello from the test widget').waitFor();
    for (const label of ['Your name', 'Email', 'Phone', 'Company']) await page.getByLabel(label).waitFor();
    await screenshot(page, 'widget-prechat');

    // Client-side checks: nothing reaches the hub.
    await page.getByLabel('Phone').fill('0123 456');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.getByText('Your name is required.').waitFor();
    await page.getByText('Email is required.').waitFor();
    await page.getByText(/international format/).waitFor();
    assert.equal(await isFocused(page.getByLabel('Your name')), true, 'focus goes to the first field at fault');
    assert.equal(await page.getByLabel('Your name').getAttribute('aria-invalid'), 'true');
    assert.equal(inits, 0);

    // The hub has the last word: an email it refuses (slipped past the client's check on the way) comes
    // back as a 422 that names the field, and the widget shows the hub's message under that field.
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Phone').fill('+44 7700 900123');
    await page.route('**/api/widget/init', (route) => {
      const body = JSON.parse(route.request().postData());
      route.continue({ postData: JSON.stringify({ ...body, email: 'ada@@example.com' }) });
    });
    await page.getByRole('button', { name: 'Start chat' }).click();
    const emailError = page.getByText('email is not a valid email address');
    await emailError.waitFor();
    const described = await page.getByLabel('Email').getAttribute('aria-describedby');
    assert.equal(await emailError.getAttribute('id'), described, 'the error is tied to the Email field');
    await page.unroute('**/api/widget/init');

    await page.getByRole('button', { name: 'Start chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.waitFor();
    assert.equal(await isFocused(box), true, 'the message box takes focus');
    const { conversation_id: conversationId } = await storedSession(page);
    const details = await conversation(hub, adminTok, conversationId);
    assert.equal(details.visitor.phone, '+447700900123', 'the phone number is sent in E.164');

    // Own message shown at once as "sending", then confirmed by the ack.
    await box.fill('Where is my order?');
    await box.press('Enter');
    await page.getByText('Where is my order?').waitFor();
    await sendMessage(page, 'It is #1234');
    await box.pressSequentially('line one');
    await box.press('Shift+Enter');
    await box.pressSequentially('line two');
    await box.press('Enter');
    await until(page, () => document.querySelector('switchboard-chat').shadowRoot
      .querySelectorAll('.sb-from-visitor[data-seq]').length === 3, null, 'three messages are confirmed');
    const stored = await messagesOf(conversationId);
    assert.deepEqual(stored.map((m) => m.text), ['Where is my order?', 'It is #1234', 'line one\nline two']);
    for (const message of stored) assert.match(message.client_msg_id, /^[0-9a-f-]{36}$/);
    await screenshot(page, 'widget-chatting');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('agent replies live, typing shows both ways, unread badge, sound with a remembered mute, presence, reload resumes', async () => {
    const page = await openPage(demoUrl());
    const conversationId = await startChat(page);
    const agent = await agentSocketIn(conversationId);
    try {
      // Visitor typing reaches the agent, and stops after a few idle seconds.
      const typing = nextEvent(agent, 'visitor:typing', (e) => e.conversation_id === conversationId && e.is_typing);
      await page.getByRole('textbox', { name: 'Message' }).pressSequentially('Hel');
      await typing;
      await nextEvent(agent, 'visitor:typing', (e) => e.conversation_id === conversationId && !e.is_typing);

      // Agent typing shows in the widget.
      agent.emit('agent:typing', { conversation_id: conversationId, is_typing: true });
      const indicator = page.getByText(/is typing/);
      await indicator.waitFor();
      agent.emit('agent:typing', { conversation_id: conversationId, is_typing: false });
      await indicator.waitFor({ state: 'hidden' });

      // A reply arrives live, with a sound.
      await agentReply(hub, adminTok, conversationId, 'Hi Ada, how can I help?');
      await page.getByText('Hi Ada, how can I help?').waitFor();
      await until(page, () => window.__tones > 0, null, 'the chime plays');

      // Closed: replies count on the launcher's badge; opening clears it.
      await page.getByRole('button', { name: 'Minimise chat' }).click();
      const launcher = page.getByRole('button', { name: 'Open chat' });
      assert.equal(await isFocused(launcher), true, 'focus returns to the launcher');
      await agentReply(hub, adminTok, conversationId, 'Are you still there?');
      const badge = page.locator('.sb-badge');
      await until(page, () => document.querySelector('switchboard-chat').shadowRoot.querySelector('.sb-badge').textContent === '1', null, 'the badge shows 1');
      await agentReply(hub, adminTok, conversationId, 'Just checking.');
      await until(page, () => document.querySelector('switchboard-chat').shadowRoot.querySelector('.sb-badge').textContent === '2', null, 'the badge shows 2');
      assert.equal(await badge.isVisible(), true);
      await screenshot(page, 'widget-unread-badge');
      await launcher.click();
      await badge.waitFor({ state: 'hidden' });

      // Muted: no sound, and the choice survives a reload.
      const mute = page.getByRole('button', { name: 'Mute sounds' });
      await mute.click();
      assert.equal(await mute.getAttribute('aria-pressed'), 'true');
      const tones = await page.evaluate(() => window.__tones);
      await agentReply(hub, adminTok, conversationId, 'Quietly now.');
      await page.getByText('Quietly now.').waitFor();
      assert.equal(await page.evaluate(() => window.__tones), tones, 'no sound while muted');

      // A reload: the page says it is leaving, then comes back with the same conversation and its history.
      const offline = nextEvent(agent, 'customer:offline', (e) => e.conversation_id === conversationId);
      const online = nextEvent(agent, 'customer:online', (e) => e.conversation_id === conversationId);
      await page.reload();
      await offline;
      await online;
      await page.getByRole('button', { name: 'Open chat' }).click();
      for (const text of ['Hi Ada, how can I help?', 'Are you still there?', 'Just checking.', 'Quietly now.']) {
        await page.getByText(text).waitFor();
      }
      assert.equal(await page.getByLabel('Your name').count(), 0, 'no pre-chat form again');
      assert.equal(await page.getByRole('button', { name: 'Mute sounds' }).getAttribute('aria-pressed'), 'true');
      await sendMessage(page, 'Back again');
      assert.equal((await storedSession(page)).conversation_id, conversationId);
      assert.equal((await messagesOf(conversationId)).at(-1).text, 'Back again');
    } finally {
      agent.close();
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('after a dropped connection, what was sent meanwhile arrives exactly once, in order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Every socket the page opens goes through here, so the test can cut it and refuse new ones.
    let refuse = false;
    const open = new Set();
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (refuse) {
        ws.close();
        return;
      }
      ws.connectToServer();
      open.add(ws);
    });
    await page.goto(demoUrl());
    const conversationId = await startChat(page);
    await agentReply(hub, adminTok, conversationId, 'Before the drop');
    await page.getByText('Before the drop').waitFor();

    refuse = true;
    for (const ws of open) await ws.close();
    open.clear();
    await page.getByText('Reconnecting…').waitFor();
    await agentReply(hub, adminTok, conversationId, 'While you were away 1');
    await agentReply(hub, adminTok, conversationId, 'While you were away 2');
    // The visitor writes meanwhile: shown as sending, delivered after the reconnect.
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('Are you there?');
    await box.press('Enter');
    await page.getByText('Sending…').waitFor();

    refuse = false;
    await page.getByText('While you were away 2').waitFor();
    await page.getByText('Reconnecting…').waitFor({ state: 'hidden' });
    await agentReply(hub, adminTok, conversationId, 'After the drop');
    await page.getByText('After the drop').waitFor();
    await until(page, () => !document.querySelector('switchboard-chat').shadowRoot.querySelector('.sb-from-visitor:not([data-seq])'),
      null, 'the message written offline is confirmed');

    for (const text of ['Before the drop', 'While you were away 1', 'While you were away 2', 'Are you there?', 'After the drop']) {
      assert.equal(await shownCount(page, text), 1, `"${text}" is shown once`);
    }
    const order = await page.evaluate(() => [...document.querySelector('switchboard-chat').shadowRoot
      .querySelectorAll('.sb-message[data-seq]')].map((el) => Number(el.dataset.seq)));
    assert.deepEqual(order, order.toSorted((a, b) => a - b), 'messages are in seq order');
    assert.deepEqual(order, [...new Set(order)], 'no seq twice');
    const stored = await messagesOf(conversationId);
    assert.equal(stored.filter((m) => m.text === 'Are you there?').length, 1, 'stored once');
    await context.close();
  });

  test('what the hub refuses as busy is asked again by itself: the start over REST, a message over the socket', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The first start is answered 503 `busy` as the hub answers it when its handlers are saturated.
    let startsRefused = 0;
    await page.route('**/api/widget/init', async (route) => {
      if (startsRefused > 0) return route.continue();
      startsRefused += 1;
      return route.fulfill({
        status: 503,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '1', 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify({ error: { code: 'busy', message: 'the hub is busy; try again in a moment' } }),
      });
    });
    // Stands in for a hub past its capacity: the first two sends of a message are answered `busy` as the hub
    // answers them, without reaching it; everything else goes through to the hub.
    let refused = 0;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const send = /^42(\d+)\["visitor:send_message"/.exec(String(message));
        if (send && refused < 2) {
          refused += 1;
          ws.send(`43${send[1]}[{"error":{"code":"busy","message":"the hub is busy; retry"}}]`);
          return;
        }
        server.send(message);
      });
    });
    await page.goto(demoUrl());
    const conversationId = await startChat(page);
    assert.equal(startsRefused, 1, 'the start was refused once, then made again');
    await sendMessage(page, 'Sent while the hub was busy');
    assert.equal(refused, 2, 'the widget sent it again after each busy answer');
    assert.equal(await page.getByText(/Not sent/).count(), 0, 'the visitor is not asked to retry');
    const stored = await messagesOf(conversationId);
    assert.equal(stored.filter((m) => m.text === 'Sent while the hub was busy').length, 1, 'stored once');
    await context.close();
  });

  test('"Talk to a person": each method asks only what it needs, and the webhook reaches the receiver', async () => {
    const page = await openPage(demoUrl());
    const conversationId = await startChat(page, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const talk = page.getByRole('button', { name: 'Talk to a person' });
    await talk.click();
    const dialog = page.getByRole('dialog', { name: 'Talk to a person' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    for (const label of ['Chat with an agent', 'Our sales team', 'Call me back']) {
      await dialog.getByRole('radio', { name: label }).waitFor();
    }

    // Focus stays inside the dialog.
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => Boolean(document.querySelector('switchboard-chat').shadowRoot.activeElement?.closest('[aria-modal="true"]')));
      assert.equal(inside, true, `focus is still in the dialog after ${i + 1} Tab presses`);
    }

    await dialog.getByRole('radio', { name: 'Call me back' }).check();
    await dialog.getByLabel('Phone number').waitFor();
    assert.equal(await dialog.getByLabel('Email address').count(), 0, 'a phone method does not ask for an email');
    await dialog.getByLabel('Phone number').fill('12345');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText(/international format/).waitFor();

    await dialog.getByRole('radio', { name: 'Our sales team' }).check();
    assert.equal(await dialog.getByLabel('Phone number').count(), 0);
    assert.equal(await dialog.getByLabel('Your name').inputValue(), 'Ada Lovelace', 'known details are filled in');
    assert.equal(await dialog.getByLabel('Email address').inputValue(), 'ada@example.com');
    await screenshot(page, 'widget-handover');

    await dialog.getByRole('button', { name: 'Send request' }).click();
    // Accepted: the dialog closes, focus goes back to the button that opened it, and the confirmation is the
    // conversation's next message.
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await isFocused(talk), true);
    const [notice] = (await messagesOf(conversationId)).filter((m) => m.sender_type === 'system');
    assert.ok(notice?.text, 'the confirmation is stored');
    await page.locator('.sb-from-system').getByText(notice.text, { exact: true }).waitFor();
    await screenshot(page, 'widget-handover-confirmation');

    await receiver.until(() => receiver.at('/ok').some((hit) => hit.body.includes(conversationId)), 'the webhook arrives');
    const hit = receiver.at('/ok').find((entry) => entry.body.includes(conversationId));
    assert.equal(hit.verified, true, 'Standard Webhooks signature verifies');
    assert.equal(hit.hexVerified, true, 'X-Switchboard-Signature verifies');
    assert.ok(hit.body.includes('ada@example.com'), 'the visitor\'s email travels with the request');

    // Escape closes the dialog, not the chat, and focus goes back to the button that opened it.
    await talk.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await isFocused(talk), true);
    assert.equal(await page.getByRole('textbox', { name: 'Message' }).isVisible(), true);
    await page.context().close();
  });

  test('an XSS payload from the visitor or an agent stays inert text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const scriptPayload = '<script>window.__xss=2</script><b>bold?</b>';
    const page = await openPage(demoUrl());
    const conversationId = await startChat(page, { name: payload, email: 'xss@example.com' });
    await sendMessage(page, payload);
    await sendMessage(page, scriptPayload);
    const evil = await createAgent(hub, adminTok, { display_name: `<img src=y onerror="window.__xss=3">` });
    await agentReply(hub, evil.token, conversationId, `<svg onload="window.__xss=4"></svg>`);
    await page.getByText('<svg onload="window.__xss=4"></svg>', { exact: true }).waitFor();
    await page.getByText('<img src=y onerror="window.__xss=3">', { exact: true }).waitFor();
    assert.equal(await page.getByText(payload, { exact: true }).count(), 1);
    assert.equal(await page.getByText(scriptPayload, { exact: true }).count(), 1);
    const injected = await page.evaluate(() => document.querySelector('switchboard-chat').shadowRoot
      .querySelectorAll('.sb-bubble *, .sb-sender *').length);
    assert.equal(injected, 0, 'no element was created from message text');
    assert.equal(await page.evaluate(() => window.__xss), undefined);

    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await page.getByRole('radio', { name: 'Our sales team' }).check();
    assert.equal(await page.getByLabel('Your name').inputValue(), payload, 'the name is kept as typed, as text');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await page.context().close();
  });

  test('a resolved conversation asks for a 1–5 rating with feedback, then can start again', async () => {
    const page = await openPage(demoUrl());
    const conversationId = await startChat(page);
    await sendMessage(page, 'Thanks, all sorted');
    expectStatus(await conversationAction(hub, adminTok, conversationId, 'resolve'), 200);
    const rating = page.getByRole('region', { name: 'How did we do?' });
    await rating.waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Message' }).count(), 0, 'no message box in a resolved chat');
    await rating.getByRole('button', { name: 'Send rating' }).click();
    await rating.getByText('Please choose from 1 to 5 stars.').waitFor();
    for (let stars = 1; stars <= 5; stars += 1) {
      await rating.getByRole('radio', { name: `${stars} star${stars > 1 ? 's' : ''}` }).waitFor();
    }
    await rating.getByTitle('Good').click();
    assert.equal(await rating.getByRole('radio', { name: '4 stars' }).isChecked(), true);
    await rating.getByLabel('Anything you would like to add? (optional)').fill('Quick and friendly');
    await screenshot(page, 'widget-rating');
    await rating.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    const rated = await conversation(hub, adminTok, conversationId);
    assert.equal(rated.rating, 4);
    assert.equal(rated.feedback, 'Quick and friendly');

    // A reload remembers the chat has ended; a new conversation starts without the form again.
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('button', { name: 'Start a new conversation' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const { conversation_id: next } = await storedSession(page);
    assert.notEqual(next, conversationId);
    await sendMessage(page, 'One more question');
    assert.equal((await messagesOf(next)).at(-1).text, 'One more question');
    await page.context().close();
  });

  test('outside business hours it says so, and "Talk to a person" puts the alternatives first', async () => {
    const page = await openPage(`${customerSite.url}?widget=closed`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByText("Away — we'll reply by email").waitFor();
    await page.getByText("We're away right now. Leave a message and we'll reply by email.").waitFor();
    assert.equal(await page.getByRole('button', { name: 'Talk to a person' }).count(), 0, 'no handover before a conversation exists');

    // Without a pre-chat form, the first message starts the conversation.
    await sendMessage(page, 'Anyone there?');
    const { conversation_id: conversationId } = await storedSession(page, 'closed');
    assert.equal((await messagesOf(conversationId))[0].text, 'Anyone there?');

    await page.getByRole('button', { name: 'Talk to a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Talk to a person' });
    await dialog.getByText("We're away right now.", { exact: false }).waitFor();
    const options = await dialog.getByRole('radio').evaluateAll((radios) => radios.map((r) => [r.labels[0].textContent, r.checked]));
    assert.deepEqual(options, [['Email our team', true], ['Chat with an agent', false]]);
    await dialog.getByLabel('Email address').fill('late@example.com');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.sb-from-system').first().waitFor();
    await receiver.until(() => receiver.at('/ok').some((hit) => hit.body.includes(conversationId)), 'the webhook arrives');
    await page.context().close();
  });

  test('keyboard only: open, fill in, chat, dialog and back out with Escape', async (t) => {
    // An agent online in the portal: the widget says so and offers the portal first.
    const agent = await connectSocket(hub, { token: adminTok });
    t.after(() => agent.close());
    await request(agent, 'agent:set_status', 'online');
    const page = await openPage(demoUrl());
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    await page.getByText('Online — ask us anything').waitFor({ state: 'attached' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Your name');
    await eventually(() => isFocused(name), 'the first field has focus');
    await page.keyboard.type('Keyboard Kim');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim@example.com');
    await page.keyboard.press('Tab'); // phone
    await page.keyboard.press('Tab'); // company
    await page.keyboard.press('Tab'); // Start chat
    assert.equal(await isFocused(page.getByRole('button', { name: 'Start chat' })), true);
    await page.keyboard.press('Enter');
    const box = page.getByRole('textbox', { name: 'Message' });
    await eventually(() => isFocused(box), 'the message box has focus');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await page.getByText('Typed without a mouse').waitFor();

    await page.keyboard.press('Shift+Tab');
    const talk = page.getByRole('button', { name: 'Talk to a person' });
    assert.equal(await isFocused(talk), true);
    await page.keyboard.press('Enter');
    const firstOption = page.getByRole('radio', { name: 'Chat with an agent' });
    await eventually(() => isFocused(firstOption), 'the chosen method has focus');
    await page.keyboard.press('Escape');
    await eventually(() => isFocused(talk), 'focus returns to "Talk to a person"');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Chat with Demo Shop' }).waitFor({ state: 'hidden' });
    assert.equal(await isFocused(page.getByRole('button', { name: 'Open chat' })), true, 'focus returns to the launcher');
    await page.context().close();
  });

  test('at 320 px wide the chat takes the whole screen and nothing overflows', async () => {
    const page = await openPage(demoUrl(), { viewport: { width: 320, height: 640 } });
    await startChat(page, { name: 'Narrow Nora', email: 'nora@example.com' });
    await sendMessage(page, 'A longish message to see how the bubbles wrap on a very narrow phone screen.');
    const dialog = page.getByRole('dialog', { name: 'Chat with Demo Shop' });
    const box = await dialog.boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 320, 640]);
    assert.equal(await dialog.getAttribute('aria-modal'), 'true', 'full screen, it is modal');
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('switchboard-chat').shadowRoot;
      return [...root.querySelectorAll('.sb-panel *')].filter((el) => el.getBoundingClientRect().right > 320.5).length;
    });
    assert.equal(overflow, 0, 'nothing sticks out to the right');
    await screenshot(page, 'widget-320px');
    await page.context().close();
  });

  test('everything the widget loads stays under 30 KB gzipped', async () => {
    const page = await openPage();
    const loaded = new Set();
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin === hub.url && /^\/(widget\.js|widget\/|shared\/)/.test(url.pathname) && !url.pathname.startsWith('/widget/demo.')) {
        loaded.add(url.pathname);
      }
    });
    await page.goto(demoUrl());
    await startChat(page, { name: 'Budget Bob', email: 'bob@example.com' });
    for (const file of ['/widget.js', '/widget/widget-app.js', '/widget/widget.css', '/shared/socket-client.js']) {
      assert.ok(loaded.has(file), `${file} is among the loaded files`);
    }
    let total = 0;
    for (const path of loaded) {
      const res = await get(hub, path);
      assert.equal(res.status, 200, path);
      total += gzipSync(Buffer.from(res.text)).length;
    }
    assert.ok(total < BUDGET_BYTES, `${loaded.size} files, ${total} bytes gzipped, budget ${BUDGET_BYTES}`);
    await page.context().close();
  });
});

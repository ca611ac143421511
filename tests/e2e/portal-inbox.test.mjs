// The agent portal's inbox in a real browser: sign-in, the live conversation list, a conversation with its
// history, replies, typing both ways, notifications, filters, the conversation's controls, canned responses,
// the visitor panel with handover deliveries, and visitor text that stays text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot } from './lib/browser.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import {
  adminToken, conversation, createAgent, eventually, expectStatus, get, initVisitor, post, sendVisitorMessage, unique,
} from '../integration/lib/api.mjs';
import { connectSocket, nextEvent } from '../integration/lib/socket.mjs';

const XSS = '<img src=x onerror="window.__xss=1">';

describe('agent portal: inbox', () => {
  const hub = useHub({ hub: { presence: { disconnect_grace_s: 1 } } });
  let browser;
  let context;
  let page;
  let admin;
  let second;
  let third;
  const sockets = [];

  /// A visitor of the demo widget with an open socket (so they show as online).
  async function visitor(overrides = {}) {
    const started = await initVisitor(hub, { name: unique('Visitor '), ...overrides });
    const socket = await connectSocket(hub, { visitor_token: started.visitor_token, conversation_id: started.conversation_id });
    sockets.push(socket);
    return { ...started, socket };
  }

  const list = () => page.getByRole('list', { name: 'Conversations' });
  const row = (name) => list().getByRole('link', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  const messageBox = () => page.getByRole('textbox', { name: 'Message' });
  const log = () => page.getByRole('log', { name: 'Messages' });

  async function openConversation(name) {
    await row(name).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  }

  before(async () => {
    admin = await adminToken(hub);
    second = await createAgent(hub, admin, { display_name: 'Bea Second' });
    third = await createAgent(hub, admin, { display_name: 'Cal Third' });
    expectStatus(await post(hub, '/api/canned-responses',
      { title: 'Greeting', shortcut: '/greet', content: 'Hello! Thanks for reaching out.', scope: 'shared' }, { token: admin }), 201);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['notifications'], { origin: hub.url });
    page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  });

  after(async () => {
    for (const socket of sockets) socket.close();
    await browser?.close();
  });

  test('sign in: a wrong password shows an error, the right one opens the inbox', async () => {
    await page.goto(`${hub.url}/portal`);
    await page.getByLabel('Email').fill(hub.adminEmail);
    await screenshot(page, 'portal-login');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await page.getByLabel('Password').fill(hub.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    assert.equal(await page.getByLabel('Your status').inputValue(), 'online', 'signing in makes the agent available');
    await page.getByText('No conversation selected').waitFor();

    const present = async () => expectStatus(await get(hub, '/api/agent/status', { token: admin }), 200).agents;
    await page.getByLabel('Your status').selectOption('away');
    await eventually(async () => (await present()).some((agent) => agent.display_name === 'Administrator' && agent.status === 'away'),
      'the hub knows the agent is away');
    await page.getByLabel('Your status').selectOption('online');
    await eventually(async () => (await present()).some((agent) => agent.status === 'online'), 'online again');
  });

  test('a new visitor conversation appears live with name, email, phone and the online dot', async () => {
    const ada = await visitor({ name: 'Ada Live', phone: '+447700900123', message: 'Where is my parcel?' });
    const adaRow = row('Ada Live');
    await adaRow.waitFor();
    await adaRow.getByText('Where is my parcel?').waitFor();
    await adaRow.getByRole('img', { name: 'Online' }).waitFor();
    await openConversation('Ada Live');
    const panel = page.getByRole('complementary', { name: 'Visitor details' });
    await panel.getByText(ada.conversation.visitor.email).waitFor();
    await panel.getByText('+447700900123').waitFor();
    await panel.getByText('Online now').waitFor();

    ada.socket.close();
    await adaRow.getByRole('img', { name: 'Offline' }).waitFor({ timeout: 15_000 });
  });

  test('opening a conversation shows its history, older messages load on scrolling up, and a reply reaches the visitor', async () => {
    const grace = await visitor({ name: 'Grace History' });
    for (let i = 1; i <= 36; i += 1) await sendVisitorMessage(hub, grace, `history line ${i}`);
    await openConversation('Grace History');
    await log().getByText('history line 36', { exact: true }).waitFor();
    assert.equal(await log().getByText('history line 1', { exact: true }).count(), 0, 'only the newest page at first');
    await log().evaluate((element) => { element.scrollTop = 0; });
    await log().getByText('history line 1', { exact: true }).waitFor();

    const arrives = nextEvent(grace.socket, 'message:new', (message) => message.text === 'Happy to help, Grace!');
    await messageBox().fill('Happy to help, Grace!');
    await messageBox().press('Enter');
    const message = await arrives;
    assert.equal(message.sender_type, 'agent');
    await log().getByText('Happy to help, Grace!').waitFor();
    assert.equal(await messageBox().inputValue(), '', 'the box is cleared after sending');
    assert.equal(await log().getByText('Happy to help, Grace!').count(), 1, 'the acknowledged reply is shown once');

    await sendVisitorMessage(hub, grace, 'Thanks, that was quick');
    await log().getByText('Thanks, that was quick').waitFor();
    await screenshot(page, 'portal-inbox-conversation');
  });

  test('typing shows both ways', async () => {
    const lin = await visitor({ name: 'Lin Typist' });
    await openConversation('Lin Typist');
    await eventually(async () => (await conversation(hub, admin, lin.conversation_id)).viewers.length === 1,
      'the hub knows the agent is viewing the conversation');
    lin.socket.emit('visitor:typing', { is_typing: true });
    await page.getByText('Lin Typist is typing…').waitFor();
    lin.socket.emit('visitor:typing', { is_typing: false });
    await page.getByText('Lin Typist is typing…').waitFor({ state: 'hidden' });

    const typing = nextEvent(lin.socket, 'agent:typing', (event) => event.is_typing === true);
    await messageBox().pressSequentially('Let me check');
    const event = await typing;
    assert.equal(event.conversation_id, lin.conversation_id);
  });

  test('a message in another conversation raises the bell, and its notification opens it', async () => {
    const first = await visitor({ name: 'Olga Open' });
    const other = await visitor({ name: 'Noah Elsewhere' });
    await openConversation('Olga Open');
    const bell = page.getByRole('button', { name: /^Notifications/ });
    const panel = page.getByRole('region', { name: 'Notifications' });
    await bell.click();
    await panel.getByRole('button', { name: 'Mark all as read' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

    // Desktop alerts (permission granted to this context) are recorded as the portal raises them.
    await page.evaluate(() => {
      window.__alerts = [];
      const Native = window.Notification;
      window.Notification = class extends Native {
        constructor(title, options) {
          super(title, options);
          window.__alerts.push({ title, body: options?.body });
        }
      };
    });
    const alerts = () => page.evaluate(() => window.__alerts);

    await sendVisitorMessage(hub, first, 'I am in the open conversation');
    await log().getByText('I am in the open conversation').waitFor();
    await sendVisitorMessage(hub, other, 'Hello from elsewhere');
    await page.getByRole('button', { name: 'Notifications (1 unread)' }).waitFor();
    await eventually(async () => (await alerts()).length > 0, 'a desktop alert is raised');
    const raised = await alerts();
    assert.equal(raised.length, 1, 'no alert for the conversation the agent is looking at');
    assert.match(raised[0].title, /Noah Elsewhere/);
    assert.equal(raised[0].body, 'Hello from elsewhere');
    await row('Noah Elsewhere').getByLabel('1 unread').waitFor();

    await bell.click();
    const entry = panel.getByRole('button', { name: /New message from Noah Elsewhere/ });
    await entry.getByText('Hello from elsewhere').waitFor();
    await screenshot(page, 'portal-notifications');
    await entry.click();
    await page.getByRole('heading', { name: 'Noah Elsewhere', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    assert.equal(await row('Noah Elsewhere').getByLabel('1 unread').count(), 0, 'opening it clears the unread badge');
  });

  test('filters Mine / Unassigned and search narrow the list', async () => {
    const mine = await visitor({ name: 'Mina Mine' });
    await visitor({ name: 'Uma Unassigned' });
    expectStatus(await post(hub, `/api/conversations/${mine.conversation_id}/assign`, { agent_id: (await me(hub, admin)).id },
      { token: admin }), 200);
    await row('Uma Unassigned').waitFor();

    await page.getByRole('button', { name: 'Mine', exact: true }).click();
    await row('Mina Mine').waitFor();
    await row('Uma Unassigned').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Unassigned', exact: true }).click();
    await row('Uma Unassigned').waitFor();
    await row('Mina Mine').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByLabel('Search conversations').fill('Mina');
    await row('Mina Mine').waitFor();
    await row('Uma Unassigned').waitFor({ state: 'detached' });
    await page.getByLabel('Search conversations').fill('');
    await row('Uma Unassigned').waitFor();
  });

  test('assign, transfer, resolve, reopen, priority and tags persist', async () => {
    const vic = await visitor({ name: 'Vic Controls' });
    await openConversation('Vic Controls');
    const assignee = page.getByLabel('Assigned to');

    await assignee.selectOption(second.agent.id);
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).assigned_agent_id === second.agent.id,
      'assigned to the second agent');
    await assignee.selectOption(third.agent.id);
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).assigned_agent_id === third.agent.id,
      'transferred to the third agent');
    await page.getByRole('button', { name: 'Take over' }).click();
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).assigned_agent_id === (await me(hub, admin)).id,
      'taken over');

    await page.getByRole('button', { name: 'Resolve' }).click();
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).status === 'resolved', 'resolved');
    await page.getByText('This conversation is resolved. Reopen it to reply.').waitFor();
    await page.getByRole('button', { name: 'Reopen' }).click();
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).status === 'active', 'reopened');

    await page.getByLabel('Priority').selectOption('urgent');
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).priority === 'urgent', 'urgent');
    await row('Vic Controls').getByText('Urgent').waitFor();
    await page.getByLabel('Add tag').fill('vip');
    await page.getByLabel('Add tag').press('Enter');
    await page.getByLabel('Add tag').fill('billing');
    await page.getByLabel('Add tag').press('Enter');
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).tags.sort().join() === 'billing,vip', 'tagged');
    await page.getByRole('button', { name: 'Remove tag vip' }).click();
    await eventually(async () => (await conversation(hub, admin, vic.conversation_id)).tags.join() === 'billing', 'untagged');
  });

  test('"/shortcut" autocomplete inserts a canned response', async () => {
    await visitor({ name: 'Cora Canned' });
    await openConversation('Cora Canned');
    await messageBox().pressSequentially('/gre');
    const option = page.getByRole('option', { name: /\/greet/ });
    await option.waitFor();
    await messageBox().press('Enter');
    await page.waitForFunction(() => document.querySelector('.composer textarea').value === 'Hello! Thanks for reaching out.');
    await option.waitFor({ state: 'hidden' });
    const { canned_responses: canned } = expectStatus(await getJson('/api/canned-responses'), 200);
    assert.equal(canned.find((item) => item.shortcut === '/greet').usage_count, 1, 'the use is counted');
  });

  test('the visitor panel shows the handover request and its delivery', async () => {
    const hana = await visitor({ name: 'Hana Handover', phone: '+15550100200' });
    await openConversation('Hana Handover');
    const section = page.getByRole('region', { name: 'Handover requests' });
    await section.getByText('The visitor has not asked for a person').waitFor();
    expectStatus(await post(hub, '/api/handover/request', { conversation_id: hana.conversation_id, requested_method: 'portal' },
      { token: hana.visitor_token }), 201);
    const request = section.getByRole('article', { name: 'Handover via portal' });
    await request.waitFor();
    await request.getByRole('list', { name: 'Deliveries' }).getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
    await request.getByText(/1 attempt of 3/).waitFor();
    await screenshot(page, 'portal-visitor-panel');
  });

  test('an XSS payload as visitor name and message stays inert text everywhere', async () => {
    const evil = await visitor({ name: XSS, message: XSS });
    await list().getByText(XSS).first().waitFor();
    await sendVisitorMessage(hub, evil, `again ${XSS}`);
    await page.getByRole('button', { name: /^Notifications \(\d+ unread\)/ }).click();
    await page.getByRole('region', { name: 'Notifications' }).getByText(`again ${XSS}`).waitFor();
    await page.keyboard.press('Escape');
    await row(XSS).click();
    await log().getByText(`again ${XSS}`).waitFor();
    await page.getByRole('complementary', { name: 'Visitor details' }).getByText(XSS).first().waitFor();
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from the payload');
  });

  test('on a narrow screen the inbox shows one pane at a time', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      await page.goto(`${hub.url}/portal#/inbox`);
      await row('Vic Controls').click();
      await messageBox().waitFor();
      assert.equal(await list().isVisible(), false, 'the list gives way to the conversation');
      await screenshot(page, 'portal-narrow-conversation');
      await page.getByRole('button', { name: 'Back to conversations' }).click();
      await list().waitFor();
      assert.equal(await messageBox().count(), 0);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  const getJson = (path) => get(hub, path, { token: admin });
});

async function me(hub, token) {
  return expectStatus(await get(hub, '/api/me', { token }), 200);
}

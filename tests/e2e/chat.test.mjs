// A visitor and an agent, each in a browser of their own, chat as people would: the visitor on the demo page, the
// agent in the portal. Nothing in between is driven by the test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot, signInToPortal } from './lib/browser.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, expectStatus, get, listAll, query } from '../integration/lib/api.mjs';

/// The demo page's widget, through its pre-chat form.
async function startChat(hub, page, name, email) {
  await page.goto(`${hub.url}/demo`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Start chat' }).click();
  return page.getByRole('textbox', { name: 'Message' });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('visitor and agent in two browsers', () => {
  const hub = useHub();
  let browser;
  let visitorPage;
  let agentPage;

  before(async () => {
    browser = await launchBrowser();
    const onError = (who) => (error) => process.stderr.write(`${who} page error: ${error.message}\n`);
    visitorPage = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    visitorPage.on('pageerror', onError('visitor'));
    agentPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    agentPage.on('pageerror', onError('agent'));
  });

  after(async () => {
    await browser?.close();
  });

  test('the agent sees the visitor arrive live, they chat with typing both ways, and a reload resumes', async () => {
    await signInToPortal(agentPage, hub);

    // The agent is online in the portal, so the widget says so.
    await visitorPage.goto(`${hub.url}/demo`);
    await visitorPage.getByRole('button', { name: 'Open chat' }).click();
    await visitorPage.getByText('Online — ask us anything').waitFor();
    await visitorPage.getByLabel('Your name').fill('Marie Curie');
    await visitorPage.getByLabel('Email').fill('marie@example.com');
    await visitorPage.getByLabel('Phone').fill('+33 6 12 34 56 78');
    await visitorPage.getByRole('button', { name: 'Start chat' }).click();
    const visitorBox = visitorPage.getByRole('textbox', { name: 'Message' });
    await visitorBox.fill('Hello, is my order on its way?');
    await visitorBox.press('Enter');

    // The conversation appears in the agent's list without a reload, with the visitor's details and online dot.
    const row = agentPage.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Marie Curie/ });
    await row.getByText('Hello, is my order on its way?').waitFor();
    await row.getByRole('img', { name: 'Online' }).waitFor();
    await row.click();
    const panel = agentPage.getByRole('complementary', { name: 'Visitor details' });
    await panel.getByText('marie@example.com').waitFor();
    await panel.getByText('+33612345678').waitFor();
    await panel.getByText('Online now').waitFor();

    // Typing shows both ways.
    await visitorBox.pressSequentially('Also');
    await agentPage.getByText('Marie Curie is typing…').waitFor();
    const agentBox = agentPage.getByRole('textbox', { name: 'Message' });
    await agentBox.pressSequentially('Let me');
    await visitorPage.getByText(/is typing…/).waitFor();

    // The reply reaches the visitor live.
    await agentBox.fill('Yes, it ships today.');
    await agentBox.press('Enter');
    await visitorPage.getByText('Yes, it ships today.').waitFor();
    await visitorBox.fill('Also, can I change the address?');
    await visitorBox.press('Enter');
    await agentPage.getByRole('log', { name: 'Messages' }).getByText('Also, can I change the address?').waitFor();
    await screenshot(visitorPage, 'chat-visitor');
    await screenshot(agentPage, 'chat-agent');

    // A reload of the demo page resumes the conversation with its history.
    await visitorPage.reload();
    await visitorPage.getByRole('button', { name: 'Open chat' }).click();
    await visitorPage.getByText('Yes, it ships today.').waitFor();
    await visitorPage.getByText('Hello, is my order on its way?').waitFor();
  });
});

describe('both apps heartbeat at the pace the hub sets', () => {
  const HEARTBEAT_S = 1;
  const hub = useHub({ hub: { presence: { heartbeat_s: HEARTBEAT_S } } });
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('the portal and the widget follow presence.heartbeat_s, not a built-in interval', async () => {
    const agentPage = await (await browser.newContext()).newPage();
    const visitorPage = await (await browser.newContext()).newPage();
    await signInToPortal(agentPage, hub);
    const visitorBox = await startChat(hub, visitorPage, 'Ada Lovelace', 'ada@example.com');
    await visitorBox.fill('Hello');
    await visitorBox.press('Enter');

    const admin = await adminToken(hub);
    const [chat] = await listAll(hub, admin);
    assert.ok(chat, 'the visitor has a conversation');
    const me = expectStatus(await get(hub, '/api/me', { token: admin }), 200);
    const agentBeat = async () => {
      const { agents } = expectStatus(await get(hub, '/api/agent/status', { token: admin }), 200);
      return agents.find((agent) => agent.agent_id === me.id)?.last_heartbeat;
    };
    const visitorBeat = async () => expectStatus(await get(hub,
      `/api/widget/presence${query({ conversation_id: chat.id })}`, { token: admin }), 200).last_heartbeat;

    // Over four intervals each side heartbeats about four times; the built-in fallbacks (25 s and more) once.
    const seen = { agent: new Set(), visitor: new Set() };
    for (const until = Date.now() + (4 * HEARTBEAT_S * 1000) + 500; Date.now() < until;) {
      seen.agent.add(await agentBeat());
      seen.visitor.add(await visitorBeat());
      await pause(150);
    }
    assert.ok(seen.agent.size >= 3, `the portal heartbeat ${seen.agent.size} time(s) in 4.5 s`);
    assert.ok(seen.visitor.size >= 3, `the widget heartbeat ${seen.visitor.size} time(s) in 4.5 s`);
  });
});

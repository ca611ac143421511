// A page on another port of the hub's host, in the browser where the admin is signed in to the portal, submits a
// form that would create an admin. The browser sends the portal's cookie with it (the page is the same site);
// the hub must refuse it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, screenshot, signInToPortal } from './lib/browser.mjs';
import { startAttackerSite } from './lib/attacker-site.mjs';
import { useHub } from '../integration/lib/hub.mjs';
import { adminToken, agentDraft, expectStatus, get } from '../integration/lib/api.mjs';

describe('cross-site request forgery against the portal', () => {
  const hub = useHub();
  let browser;
  let context;
  let attacker;
  const intruder = agentDraft({ display_name: 'Mallory', role: 'admin' });

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await signInToPortal(await context.newPage(), hub);
    attacker = await startAttackerSite(new URL(hub.url).hostname, `${hub.url}/api/agents`, intruder);
  });

  after(async () => {
    await browser?.close();
    await attacker?.close();
  });

  test('an auto-submitting text/plain form on another port creates no admin', async () => {
    const page = await context.newPage();
    const submitted = page.waitForResponse((response) => response.url() === `${hub.url}/api/agents`);
    await page.goto(attacker.url);
    const response = await submitted;
    // The attack is real: the browser sent the admin's session cookie with the form.
    assert.match((await response.request().allHeaders()).cookie ?? '', /sb_session=/);
    assert.equal(response.status(), 403);
    assert.equal((await response.json()).error.code, 'cross_site_request');
    await screenshot(page, 'cross-site-form-refused');

    const { agents } = expectStatus(await get(hub, '/api/agents', { token: await adminToken(hub) }), 200);
    assert.ok(!agents.some((agent) => agent.email === intruder.email), 'no agent was created');
  });
});

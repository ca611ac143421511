// Debian's Chromium, headless, driven by playwright-core; and screenshots kept as test artifacts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../integration/lib/hub.mjs';

export const CHROMIUM = process.env.SWITCHBOARD_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(repoRoot, 'build/e2e-artifacts');

// No sandbox (the tests run as root) and nothing that reaches out to the network on its own.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/// Saves what the page shows to build/e2e-artifacts/<name>.png and returns the file's path.
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/// The portal signed in (as the hub's admin unless told otherwise), showing the inbox.
export async function signInToPortal(page, hub, email = hub.adminEmail, password = hub.adminPassword) {
  await page.goto(`${hub.url}/portal`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
}

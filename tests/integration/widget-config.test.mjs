import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { assertError, expectStatus, get } from './lib/api.mjs';

const DAY_MS = 86_400_000;
// Asia/Kolkata has had no daylight saving time since 1945, so its local day is plain arithmetic.
const KOLKATA_OFFSET_MS = 330 * 60_000;
const kolkataDay = (ms) => Math.floor((ms + KOLKATA_OFFSET_MS) / DAY_MS);
const weekdayName = (epochDay) => ['thu', 'fri', 'sat', 'sun', 'mon', 'tue', 'wed'][epochDay % 7];
// Two local days ahead, so that a midnight passing while the tests run cannot make it today.
const openingDay = kolkataDay(Date.now()) + 2;

describe('GET /api/widget/config', () => {
  const hub = useHub({
    hub: { presence: { heartbeat_s: 20 } },
    widgets: {
      around_the_clock: {
        name: 'Around the clock',
        business_hours: {
          enabled: true,
          timezone: 'Asia/Kolkata',
          windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], open: '00:00', close: '24:00' }],
        },
      },
      not_today: {
        name: 'Not today',
        business_hours: {
          enabled: true,
          timezone: 'Asia/Kolkata',
          windows: [{ days: [weekdayName(openingDay)], open: '00:00', close: '24:00' }],
        },
      },
    },
  });

  test('returns the public settings of the widget', async () => {
    const res = await get(hub, '/api/widget/config?widget_id=demo');
    const config = expectStatus(res, 200);
    assert.equal(config.widget_id, 'demo');
    assert.equal(config.name, 'Demo Shop');
    assert.equal(config.appearance.title, 'Chat with Demo Shop');
    assert.equal(config.appearance.primary_color, '#0f766e');
    for (const key of ['text_color', 'position', 'launcher_icon', 'agent_avatar_url']) {
      assert.ok(key in config.appearance, `appearance.${key}`);
    }
    assert.equal(config.texts.welcome, 'Hello from the test widget');
    for (const key of ['input_placeholder', 'offline', 'prechat_intro', 'handover_button', 'rating_prompt']) {
      assert.equal(typeof config.texts[key], 'string', `texts.${key}`);
    }
    assert.equal(config.limits.max_message_chars, 200);
    assert.equal(config.presence.heartbeat_s, 20, 'the widget heartbeats as often as hub.yaml says');
    assert.equal(typeof config.business_hours.enabled, 'boolean');
    assert.equal(typeof config.business_hours.open_now, 'boolean');
  });

  test('lists the pre-chat fields in order with their rules', async () => {
    const config = expectStatus(await get(hub, '/api/widget/config?widget_id=demo'), 200);
    assert.equal(config.prechat.enabled, true);
    assert.deepEqual(
      config.prechat.fields.map(({ name, type, required }) => ({ name, type, required })),
      [
        { name: 'name', type: 'name', required: true },
        { name: 'email', type: 'email', required: true },
        { name: 'phone', type: 'phone', required: false },
        { name: 'company', type: 'text', required: false },
      ],
    );
    assert.equal(config.prechat.fields[0].label, 'Your name');
    assert.equal(config.prechat.fields[3].max_length, 80);
  });

  test('lists the handover methods without their channel settings', async () => {
    const config = expectStatus(await get(hub, '/api/widget/config?widget_id=demo'), 200);
    assert.equal(config.handover.enabled, true);
    assert.equal(config.handover.default_method, 'portal');
    const methods = Object.fromEntries(config.handover.methods.map((method) => [method.method, method]));
    assert.deepEqual(Object.keys(methods).sort(), ['portal', 'webhook']);
    assert.equal(methods.portal.label, 'Chat with an agent');
    assert.deepEqual(methods.webhook.requires, []);
    for (const method of config.handover.methods) {
      assert.deepEqual(Object.keys(method).sort(), ['label', 'method', 'requires']);
    }
  });

  test('never leaks a secret, a channel setting or a delivery URL', async () => {
    const res = await get(hub, '/api/widget/config?widget_id=demo');
    expectStatus(res, 200);
    assert.ok(!res.text.includes(hub.webhookSecret), 'the webhook secret is in the response');
    assert.ok(!res.text.includes('hooks/chat'), 'the webhook URL is in the response');
    assert.ok(!res.text.includes('SWITCHBOARD_TEST_WEBHOOK_SECRET'), 'the secret reference is in the response');
    assert.ok(!/"(secret|url|channel|allowed_origins|settings)"/.test(res.text), `internal keys in ${res.text}`);
  });

  test('business hours are evaluated now, in the widget\'s time zone', async () => {
    const open = expectStatus(await get(hub, '/api/widget/config?widget_id=around_the_clock'), 200);
    assert.deepEqual(open.business_hours, {
      enabled: true,
      timezone: 'Asia/Kolkata',
      open_now: true,
      next_change_at: null,
    });

    const closed = expectStatus(await get(hub, '/api/widget/config?widget_id=not_today'), 200);
    assert.equal(closed.business_hours.open_now, false);
    assert.equal(closed.business_hours.next_change_at, new Date(openingDay * DAY_MS - KOLKATA_OFFSET_MS).toISOString());

    const unscheduled = expectStatus(await get(hub, '/api/widget/config?widget_id=demo'), 200);
    assert.equal(unscheduled.business_hours.enabled, false);
    assert.equal(unscheduled.business_hours.open_now, true);
    assert.equal(unscheduled.business_hours.next_change_at, null);
  });

  test('a widget without pre-chat says so', async () => {
    const config = expectStatus(await get(hub, '/api/widget/config?widget_id=other'), 200);
    assert.equal(config.widget_id, 'other');
    assert.equal(config.prechat.enabled, false);
    assert.deepEqual(config.prechat.fields, []);
  });

  test('widget_id is required', async () => {
    assertError(await get(hub, '/api/widget/config'), 400, 'missing_field', 'widget_id');
  });

  test('an unknown widget is 404 not_found', async () => {
    assertError(await get(hub, '/api/widget/config?widget_id=nope'), 404, 'not_found');
    assertError(await get(hub, '/api/widget/config?widget_id=..%2Fhub'), 404, 'not_found');
  });
});

// Handover end to end: a visitor asks for a person, the outbox delivers a signed webhook to a real receiver that
// verifies it, retries what failed, gives up on what is gone, and agents follow it all over REST and the socket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, adminToken, agentReply, assertError, conversation, createAgent, eventually, expectStatus, get,
  initVisitor, post, query, sendVisitorMessage, visitorMessages,
} from './lib/api.mjs';
import { checkWebhook } from './lib/contract.mjs';
import { connectSocket, nextEvent, socketOpener } from './lib/socket.mjs';
import { startReceiver } from './lib/webhook-receiver.mjs';

const SECRET = 'whsec_c3dpdGNoYm9hcmQtdGVzdC1zaWduaW5nLWtleSE=';
const TEST_TIMEOUT_MS = 30_000;

const receiver = await startReceiver(SECRET);
const hook = (path, extra = {}) => ({ channel: 'webhook', url: `${receiver.url}${path}`, secret: SECRET, ...extra });

const askFor = (hub, visitor, body) =>
  post(hub, '/api/handover/request', { conversation_id: visitor.conversation_id, ...body }, { token: visitor.visitor_token });

async function requestDetail(hub, token, id) {
  return expectStatus(await get(hub, `/api/handover/requests/${id}`, { token }), 200);
}

/// Polls the request until its status is `status`; returns its detail.
async function settled(hub, token, id, status) {
  let detail;
  await eventually(async () => {
    detail = await requestDetail(hub, token, id);
    return detail.status === status;
  }, `request ${id} is ${status}`, 20_000);
  return detail;
}

describe('handover over signed webhooks', () => {
  // Registered before the hub's teardown, which throws when the hub did not stop cleanly: the receiver still closes.
  after(() => receiver.close());
  const hub = useHub({
    hub: {
      delivery: { backoff_s: [1], attempt_timeout_s: 3, lease_s: 10 },
      outbound: { total_timeout_ms: 1000, connect_timeout_ms: 500 },
    },
    widgets: {
      demo: {
        handover: {
          max_attempts: 3,
          methods: {
            webhook: hook('/ok', { label: 'Our CRM', requires: ['name', 'email'], confirmation: 'Our sales team will email you.' }),
            flaky: hook('/flaky'),
            hang: hook('/hang'),
            gone: hook('/gone'),
          },
        },
      },
    },
  });
  const open = socketOpener(hub);
  let admin;
  let agent;
  let outsider;
  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
    outsider = await createAgent(hub, admin, { widgets: ['other'] });
  });

  test('a request is stored, answered with the confirmation, delivered signed, and the request is notified', { timeout: TEST_TIMEOUT_MS }, async () => {
    const socket = await connectSocket(hub, { token: agent.token });
    const visitor = await initVisitor(hub, { name: 'Ada Lovelace', email: 'ada@example.com' });
    const updated = nextEvent(socket, 'conversation:updated', (e) => e.conversation_id === visitor.conversation_id);
    const res = await askFor(hub, visitor, { requested_method: 'webhook', visitor_message: 'Can I get a quote?' });
    const accepted = expectStatus(res, 201);
    assert.equal(accepted.message, 'Our sales team will email you.');
    assert.equal(accepted.request.status, 'pending');
    assert.equal(accepted.request.method, 'webhook');
    assert.equal((await updated).conversation.status, 'pending');

    await receiver.until(() => receiver.at('/ok').some((e) => e.json?.request_id === accepted.request.id), 'the webhook arrives');
    const delivery = receiver.at('/ok').find((e) => e.json.request_id === accepted.request.id);
    assert.equal(delivery.verified, true, 'standardwebhooks verifies the signature');
    assert.equal(delivery.hexVerified, true, 'openssl verifies X-Switchboard-Signature');
    assert.deepEqual(checkWebhook('handoverRequested', delivery), [], 'the webhook is as api/openapi.yaml documents it');
    assert.equal(delivery.headers['content-type'], 'application/json');
    assert.match(delivery.headers['webhook-timestamp'], /^\d{10}$/);
    assert.equal(delivery.json.event, 'agent_handover_requested');
    assert.equal(delivery.json.conversation_id, visitor.conversation_id);
    assert.equal(delivery.json.widget_id, 'demo');
    assert.equal(delivery.json.method, 'webhook');
    assert.deepEqual(delivery.json.visitor, { name: 'Ada Lovelace', email: 'ada@example.com', phone: null });
    assert.equal(delivery.json.message, 'Can I get a quote?');
    assert.match(delivery.json.timestamp, TIMESTAMP);

    const detail = await settled(hub, agent.token, accepted.request.id, 'notified');
    assert.match(detail.notified_at, TIMESTAMP);
    assert.equal(detail.response_code, 200);
    assert.equal(detail.deliveries.length, 1);
    assert.equal(detail.deliveries[0].id, delivery.headers['webhook-id']);
    assert.equal(detail.deliveries[0].status, 'delivered');
    assert.deepEqual(detail.deliveries[0].attempt_log.map((a) => [a.attempt, a.outcome, a.status_code]), [[1, 'delivered', 200]]);
    const stored = await conversation(hub, agent.token, visitor.conversation_id);
    assert.equal(stored.status, 'pending');
    assert.equal(stored.handover_method, 'webhook');
  });

  test('a request made without a message carries what the visitor wrote so far', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub, { name: 'Grace Hopper', email: 'grace@example.com' });
    await sendVisitorMessage(hub, visitor, 'My order 1042 has not arrived.');
    await sendVisitorMessage(hub, visitor, 'It was due on Monday.');
    const accepted = expectStatus(await askFor(hub, visitor, { requested_method: 'webhook' }), 201);

    await receiver.until(() => receiver.at('/ok').some((e) => e.json?.request_id === accepted.request.id), 'the webhook arrives');
    const delivery = receiver.at('/ok').find((e) => e.json.request_id === accepted.request.id);
    assert.deepEqual(checkWebhook('handoverRequested', delivery), [], 'the webhook is as api/openapi.yaml documents it');
    assert.equal(delivery.json.message, null, 'the visitor wrote nothing when asking');
    assert.equal(delivery.json.kind, 'handover_requested');
    const visitorsWords = delivery.json.recent_messages.filter((m) => m.sender_type === 'visitor').map((m) => m.text);
    assert.deepEqual(visitorsWords, ['My order 1042 has not arrived.', 'It was due on Monday.']);
    for (const message of delivery.json.recent_messages) {
      assert.match(message.sent_at, TIMESTAMP);
      assert.deepEqual(message.attachments, []);
    }
  });

  test('a receiver that fails twice gets the same webhook-id three times and the request is notified', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const accepted = expectStatus(await askFor(hub, visitor, { requested_method: 'flaky' }), 201);
    const detail = await settled(hub, agent.token, accepted.request.id, 'notified');
    const seen = receiver.at('/flaky').filter((e) => e.json.request_id === accepted.request.id);
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen.map((e) => e.headers['webhook-id'])).size, 1, 'one webhook-id across attempts');
    assert.deepEqual(seen.map((e) => e.json.attempt), [1, 2, 3]);
    assert.deepEqual(detail.deliveries[0].attempt_log.map((a) => [a.outcome, a.status_code]),
      [['retry', 500], ['retry', 500], ['delivered', 200]]);
    assert.equal(detail.attempts, 3);
  });

  test('a receiver that never answers fails after max_attempts without holding up other deliveries', { timeout: TEST_TIMEOUT_MS }, async () => {
    const stuck = await initVisitor(hub);
    const hanging = expectStatus(await askFor(hub, stuck, { requested_method: 'hang' }), 201);
    await receiver.until(() => receiver.at('/hang').some((e) => e.json.request_id === hanging.request.id), 'the hanging call starts');

    const other = await initVisitor(hub);
    const started = Date.now();
    const quick = expectStatus(await askFor(hub, other, { requested_method: 'webhook' }), 201);
    await settled(hub, agent.token, quick.request.id, 'notified');
    assert.ok(Date.now() - started < 900, 'delivered while the other receiver hangs');

    const detail = await settled(hub, agent.token, hanging.request.id, 'failed');
    assert.equal(detail.deliveries[0].status, 'failed');
    assert.equal(detail.deliveries[0].attempt_log.length, 3);
    assert.deepEqual(detail.deliveries[0].attempt_log.map((a) => [a.outcome, a.status_code]),
      [['retry', null], ['retry', null], ['failed', null]], 'the attempt after which it gave up is failed');
    assert.match(detail.last_error, /time|timed out/i);
    assert.match(hub.log(), new RegExp(`request ${hanging.request.id}, delivery \\S+ through \\S+, attempt 3 of 3: failed: `),
      'the attempt that gave up is logged');
    assert.match(detail.failed_at, TIMESTAMP);
  });

  test('410 fails at once; an admin retry redelivers with new attempts', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const accepted = expectStatus(await askFor(hub, visitor, { requested_method: 'gone' }), 201);
    let detail = await settled(hub, agent.token, accepted.request.id, 'failed');
    assert.deepEqual(detail.deliveries[0].attempt_log.map((a) => [a.outcome, a.status_code]), [['failed', 410]]);
    assert.equal(detail.response_code, 410);
    assert.equal(detail.response_excerpt, 'this hook was removed');

    assertError(await post(hub, `/api/handover/requests/${accepted.request.id}/retry`, {}, { token: agent.token }), 403, 'forbidden');
    const retried = expectStatus(await post(hub, `/api/handover/requests/${accepted.request.id}/retry`, {}, { token: admin }), 202);
    assert.equal(retried.status, 'pending');
    await eventually(async () => {
      detail = await requestDetail(hub, admin, accepted.request.id);
      return detail.deliveries[0].attempt_log.length === 2;
    }, 'the retry was attempted');
    assert.equal(detail.status, 'failed');
    assert.deepEqual(detail.deliveries[0].attempt_log.map((a) => a.attempt), [1, 2]);
    assertError(await post(hub, '/api/handover/requests/no-such-request/retry', {}, { token: admin }), 404, 'not_found');
  });

  test('bad input is refused naming the field, and nothing is stored', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    assertError(await askFor(hub, visitor, { requested_method: 'pigeon' }), 422, 'unknown_method', 'requested_method');
    assertError(await askFor(hub, visitor, { requested_method: 'webhook', visitor_email: 'not-an-email' }), 422, 'invalid_email', 'visitor_email');
    assertError(await askFor(hub, visitor, { visitor_phone: '0770 090 0123' }), 422, 'invalid_phone', 'visitor_phone');
    assertError(await askFor(hub, visitor, { visitor_message: 'x'.repeat(2001) }), 422, 'message_too_long', 'visitor_message');
    assertError(await post(hub, '/api/handover/request', { conversation_id: visitor.conversation_id }), 401, 'unauthorized');
    const stranger = await initVisitor(hub);
    assertError(await askFor(hub, { ...stranger, conversation_id: visitor.conversation_id }, {}), 404, 'not_found');
    assertError(await askFor(hub, visitor, { conversation_id: 'not-a-conversation' }), 404, 'not_found');
    const list = expectStatus(await get(hub, `/api/handover/requests${query({ conversation_id: visitor.conversation_id })}`,
      { token: agent.token }), 200);
    assert.deepEqual(list.requests, [], 'nothing was stored');
    assert.equal((await conversation(hub, agent.token, visitor.conversation_id)).handover_method, null);
  });

  test('the confirmation is stored once as a system message that the visitor and the agents read and hear', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub, { name: 'Ada Lovelace', email: 'ada@example.com' });
    await sendVisitorMessage(hub, visitor, 'Can someone call me?');
    const agentSocket = await open({ token: agent.token });
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    const isNotice = (m) => m.conversation_id === visitor.conversation_id && m.sender_type === 'system';
    const agentHears = nextEvent(agentSocket, 'message:new', isNotice);
    const visitorHears = nextEvent(visitorSocket, 'message:new', isNotice);

    const accepted = expectStatus(await askFor(hub, visitor, { requested_method: 'webhook' }), 201);
    const { notice } = accepted;
    assert.equal(notice.sender_type, 'system');
    assert.equal(notice.text, 'Our sales team will email you.');
    assert.equal(notice.text, accepted.message);
    assert.equal(notice.seq, 2);
    assert.equal(notice.sender_id, null);
    assert.equal((await agentHears).id, notice.id);
    assert.equal((await visitorHears).id, notice.id);

    const again = expectStatus(await askFor(hub, visitor, { requested_method: 'webhook' }), 200);
    assert.equal(again.request.id, accepted.request.id);
    assert.equal(again.notice, null);

    const agentsView = expectStatus(await get(hub, `/api/conversations/${visitor.conversation_id}/messages`, { token: agent.token }), 200);
    const visitorsView = await visitorMessages(hub, visitor);
    for (const [who, page] of [['agents', agentsView], ['visitor', visitorsView]]) {
      const system = page.messages.filter((m) => m.sender_type === 'system');
      assert.deepEqual(system.map((m) => [m.id, m.text]), [[notice.id, 'Our sales team will email you.']], `${who} read it once`);
      assert.deepEqual(page.messages.map((m) => m.seq), [1, 2], `${who} read it after the visitor's message`);
    }
    const stored = await conversation(hub, agent.token, visitor.conversation_id);
    assert.equal(stored.last_message.sender_type, 'system');
    assert.equal(stored.unread_count, 1, 'only the visitor\'s message is unread for agents');
  });

  test('asking again while a request is open returns the open one', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const first = expectStatus(await askFor(hub, visitor, { requested_method: 'hang' }), 201);
    const again = expectStatus(await askFor(hub, visitor, { requested_method: 'webhook' }), 200);
    assert.equal(again.request.id, first.request.id);
    assert.equal(again.request.method, 'hang');
  });

  test('an agent taking the conversation completes its request', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const accepted = expectStatus(await askFor(hub, visitor, { requested_method: 'webhook' }), 201);
    await settled(hub, agent.token, accepted.request.id, 'notified');
    await agentReply(hub, agent.token, visitor.conversation_id, 'Hi, I am here');
    const detail = await settled(hub, agent.token, accepted.request.id, 'completed');
    assert.match(detail.completed_at, TIMESTAMP);
    assertError(await askFor(hub, visitor, { requested_method: 'webhook' }), 409, 'conversation_active');
  });

  test('agents see only their widgets\' requests; the list filters and pages', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const accepted = expectStatus(await askFor(hub, visitor, { requested_method: 'webhook' }), 201);
    assertError(await get(hub, `/api/handover/requests/${accepted.request.id}`, { token: outsider.token }), 404, 'not_found');
    const theirs = expectStatus(await get(hub, '/api/handover/requests', { token: outsider.token }), 200);
    assert.deepEqual(theirs.requests, []);
    assertError(await get(hub, `/api/handover/requests${query({ widget_id: 'demo' })}`, { token: outsider.token }), 404, 'not_found');
    assertError(await get(hub, `/api/handover/requests${query({ status: 'lost' })}`, { token: agent.token }), 400, 'invalid_field', 'status');

    const first = expectStatus(await get(hub, `/api/handover/requests${query({ limit: 2 })}`, { token: agent.token }), 200);
    assert.equal(first.requests.length, 2);
    assert.ok(first.next_cursor);
    const second = expectStatus(await get(hub, `/api/handover/requests${query({ limit: 2, cursor: first.next_cursor })}`,
      { token: agent.token }), 200);
    assert.ok(!second.requests.some((r) => first.requests.some((f) => f.id === r.id)), 'pages do not overlap');
    const failed = expectStatus(await get(hub, `/api/handover/requests${query({ status: 'failed' })}`, { token: agent.token }), 200);
    assert.ok(failed.requests.length >= 1 && failed.requests.every((r) => r.status === 'failed'));
  });

  test('analytics count per method and overall', { timeout: TEST_TIMEOUT_MS }, async () => {
    const report = expectStatus(await get(hub, `/api/handover/analytics${query({ widget_id: 'demo', days: 30 })}`,
      { token: agent.token }), 200);
    assert.equal(report.days, 30);
    const { overall, by_method: methods } = report;
    assert.equal(overall.requests, Object.values(methods).reduce((sum, m) => sum + m.requests, 0));
    assert.ok(methods.webhook.delivered >= 3);
    assert.ok(methods.webhook.completed >= 1);
    assert.ok(methods.gone.failed >= 1);
    assert.equal(methods.gone.success_rate, 0);
    assert.equal(typeof methods.webhook.p90_seconds_to_notify, 'number');
    assert.ok(overall.success_rate > 0 && overall.success_rate < 1);
    assertError(await get(hub, `/api/handover/analytics${query({ days: 0 })}`, { token: agent.token }), 400, 'invalid_field', 'days');
  });

  test('an unknown widget_id is 404 on the list and the analytics, for admins too', { timeout: TEST_TIMEOUT_MS }, async () => {
    for (const path of ['/api/handover/requests', '/api/handover/analytics']) {
      assertError(await get(hub, `${path}${query({ widget_id: 'no-such-widget' })}`, { token: admin }), 404, 'not_found');
      expectStatus(await get(hub, `${path}${query({ widget_id: 'demo' })}`, { token: admin }), 200);
    }
  });
});

describe('handover to the portal', () => {
  const hub = useHub({ hub: { delivery: { backoff_s: [1] } } });
  let agent;
  before(async () => {
    const admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { widgets: ['demo'] });
  });

  test('an online agent is notified and the request is notified', { timeout: TEST_TIMEOUT_MS }, async () => {
    const socket = await connectSocket(hub, { token: agent.token });
    const status = await socket.timeout(5000).emitWithAck('agent:set_status', 'online');
    assert.equal(status.status, 'online');
    const visitor = await initVisitor(hub, { name: 'Grace Hopper' });
    const notified = nextEvent(socket, 'notification:new', (n) => n.conversation_id === visitor.conversation_id);
    const accepted = expectStatus(await askFor(hub, visitor, { visitor_message: 'Please call me' }), 201);
    assert.equal(accepted.request.method, 'portal');
    const notification = await notified;
    assert.equal(notification.widget_id, 'demo');
    assert.equal(notification.title, 'Grace Hopper asks for a person');
    assert.equal(notification.body, 'Please call me');
    await settled(hub, agent.token, accepted.request.id, 'notified');
  });
});

const crashReceiver = await startReceiver(SECRET);

describe('handover deliveries survive kill -9', () => {
  const hub = useHub({
    hub: {
      // One call at a time to the receiver, so that one delivery is in flight and the others wait behind it.
      delivery: { backoff_s: [1], per_destination: 1, attempt_timeout_s: 20, lease_s: 30 },
      outbound: { total_timeout_ms: 15_000 },
    },
    widgets: { demo: { handover: { methods: { held: { channel: 'webhook', url: `${crashReceiver.url}/held`, secret: SECRET } } } } },
  });
  after(() => crashReceiver.close());

  test('every pending and in-flight delivery is delivered after a restart, with the same webhook-id', { timeout: 60_000 }, async () => {
    const admin = await adminToken(hub);
    const ids = [];
    for (let i = 0; i < 3; i += 1) {
      const visitor = await initVisitor(hub);
      ids.push(expectStatus(await askFor(hub, visitor, { requested_method: 'held' }), 201).request.id);
    }
    await crashReceiver.until(() => crashReceiver.at('/held').length === 1, 'one delivery is in flight');
    const inFlight = crashReceiver.at('/held')[0];

    const status = await hub.kill();
    assert.equal(status.signal, 'SIGKILL');
    crashReceiver.release(); // from now on the receiver answers at once
    await hub.start();

    for (const id of ids) await settled(hub, admin, id, 'notified');
    const byRequest = (id) => crashReceiver.at('/held').filter((e) => e.json.request_id === id);
    for (const id of ids) assert.ok(byRequest(id).length >= 1, `request ${id} reached the receiver`);
    const repeated = byRequest(inFlight.json.request_id);
    assert.equal(repeated.length, 2, 'the delivery in flight at the kill was made again');
    assert.equal(repeated[1].headers['webhook-id'], repeated[0].headers['webhook-id']);
    assert.ok(crashReceiver.received.every((e) => e.verified && e.hexVerified));
  });
});

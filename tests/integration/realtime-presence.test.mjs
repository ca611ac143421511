// Presence and viewing driven over the real-time endpoint with the stock socket.io-client, with presence timings
// shortened to seconds so that timeouts happen within a test.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  TIMESTAMP, adminToken, conversation, createAgent, eventually, expectStatus, get, initVisitor, patch, query,
} from './lib/api.mjs';
import { connectSocket, nextEvent, record, request, socketOpener } from './lib/socket.mjs';

const VISITOR_TIMEOUT_S = 2;
const AGENT_STALE_S = 3;
const GRACE_S = 1;
// The hub sweeps presence once a second: a timeout is noticed up to a second after it ran out.
const SWEEP_MS = 1000;
const TEST_TIMEOUT_MS = 15_000;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('presence over the real-time endpoint', () => {
  const hub = useHub({
    hub: {
      presence: {
        heartbeat_s: 1,
        visitor_timeout_s: VISITOR_TIMEOUT_S,
        agent_stale_s: AGENT_STALE_S,
        disconnect_grace_s: GRACE_S,
      },
    },
  });
  let admin;
  let agent; // demo
  let teammate; // demo
  let outsider; // other
  const open = socketOpener(hub);
  const presenceOf = async (visitor) =>
    expectStatus(await get(hub, `/api/widget/presence${query({ conversation_id: visitor.conversation_id })}`,
      { token: agent.token }), 200);
  const forVisitor = (visitor) => (event) => event.visitor_id === visitor.visitor_id;
  /// An agent's socket, and a new visitor whose socket it has heard come online.
  const visitorOnline = async () => {
    const agentSocket = await open({ token: agent.token });
    const visitor = await initVisitor(hub);
    const online = nextEvent(agentSocket, 'customer:online', forVisitor(visitor));
    const visitorSocket = await open({ visitor_token: visitor.visitor_token });
    await online;
    return { agentSocket, visitor, visitorSocket };
  };

  before(async () => {
    admin = await adminToken(hub);
    agent = await createAgent(hub, admin, { display_name: 'Alice', widgets: ['demo'] });
    teammate = await createAgent(hub, admin, { display_name: 'Bob', widgets: ['demo'] });
    outsider = await createAgent(hub, admin, { display_name: 'Olga', widgets: ['other'] });
  });

  test('a visitor socket brings the visitor online for the widget\'s agents only', { timeout: TEST_TIMEOUT_MS }, async () => {
    const agentSocket = await open({ token: agent.token });
    const outsiderSocket = await open({ token: outsider.token });
    const outsiderHeard = record(outsiderSocket, 'customer:online');
    const visitor = await initVisitor(hub);
    const online = nextEvent(agentSocket, 'customer:online', forVisitor(visitor));
    await open({ visitor_token: visitor.visitor_token });
    const event = await online;
    assert.deepEqual(Object.keys(event).sort(), ['at', 'conversation_id', 'visitor_id', 'widget_id']);
    assert.equal(event.conversation_id, visitor.conversation_id);
    assert.equal(event.widget_id, 'demo');
    assert.match(event.at, TIMESTAMP);

    const presence = await presenceOf(visitor);
    assert.equal(presence.is_online, true);
    assert.equal(presence.sockets, 1);
    const detail = await conversation(hub, agent.token, visitor.conversation_id);
    assert.equal(detail.visitor.is_online, true);
    assert.deepEqual(outsiderHeard(), []);
  });

  test('a conversation in a socket event carries the visitor\'s presence, as REST does', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { agentSocket, visitor } = await visitorOnline();
    const updated = nextEvent(agentSocket, 'conversation:updated',
      (event) => event.conversation_id === visitor.conversation_id);
    expectStatus(await patch(hub, `/api/conversations/${visitor.conversation_id}`, { priority: 'high' },
      { token: agent.token }), 200);
    const event = await updated;
    assert.equal(event.conversation.priority, 'high');
    assert.equal(event.conversation.visitor.is_online, true);
    assert.match(event.conversation.visitor.last_seen_at, TIMESTAMP);
    // The same fields as the REST detail, but for what only the detail carries (who is viewing).
    const detail = await conversation(hub, agent.token, visitor.conversation_id);
    const { viewers, last_viewed_at: lastViewedAt, ...restFields } = detail;
    assert.deepEqual(Object.keys(event.conversation).sort(), Object.keys(restFields).sort());
    assert.deepEqual(Object.keys(event.conversation.visitor).sort(), Object.keys(detail.visitor).sort());
  });

  test('heartbeats keep a visitor online; without them it goes offline after visitor_timeout_s, and widget:online brings it back', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { agentSocket, visitor, visitorSocket } = await visitorOnline();

    const heartbeats = record(agentSocket, 'customer:heartbeat');
    const offlines = record(agentSocket, 'customer:offline');
    const beatFor = (VISITOR_TIMEOUT_S * 1000) + SWEEP_MS + 500;
    let lastBeatMs = 0;
    for (let beaten = 0; beaten < beatFor; beaten += 500) {
      lastBeatMs = Date.now();
      const ack = await request(visitorSocket, 'widget:heartbeat', {});
      assert.equal(ack.is_online, true);
      await pause(500);
    }
    assert.deepEqual(offlines().filter(forVisitor(visitor)), [], 'heartbeats kept the visitor online');
    assert.ok(heartbeats().filter(forVisitor(visitor)).length >= 3, 'agents hear the heartbeats');

    // Silence: offline while the socket stays open, and the time of the last heartbeat is stored as last seen.
    await nextEvent(agentSocket, 'customer:offline', forVisitor(visitor),
      (VISITOR_TIMEOUT_S * 1000) + (2 * SWEEP_MS));
    assert.equal(visitorSocket.connected, true);
    await eventually(async () => {
      const seen = Date.parse((await conversation(hub, agent.token, visitor.conversation_id)).visitor.last_seen_at);
      return seen >= lastBeatMs && seen <= Date.now();
    }, 'last_seen_at is stored');
    const detail = await conversation(hub, agent.token, visitor.conversation_id);
    assert.equal(detail.visitor.is_online, false);

    // A heartbeat alone does not revive an offline visitor; widget:online does.
    assert.equal((await request(visitorSocket, 'widget:heartbeat', {})).is_online, false);
    const back = nextEvent(agentSocket, 'customer:online', forVisitor(visitor));
    assert.equal((await request(visitorSocket, 'widget:online', {})).is_online, true);
    await back;
  });

  test('widget:offline takes the visitor offline at once, even with the socket open', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { agentSocket, visitor, visitorSocket } = await visitorOnline();
    const offline = nextEvent(agentSocket, 'customer:offline', forVisitor(visitor), SWEEP_MS / 2);
    const ack = await request(visitorSocket, 'widget:offline', {});
    assert.equal(ack.is_online, false);
    assert.equal(ack.sockets, 1);
    assert.match(ack.last_heartbeat, TIMESTAMP);
    await offline;
    assert.equal((await presenceOf(visitor)).is_online, false);
  });

  test('several tabs are one visitor: online while any is open, offline a grace period after the last closes', { timeout: TEST_TIMEOUT_MS }, async () => {
    const agentSocket = await open({ token: agent.token });
    const visitor = await initVisitor(hub);
    const onlines = record(agentSocket, 'customer:online');
    const offlinesWithOneTab = record(agentSocket, 'customer:offline');
    const firstTab = await open({ visitor_token: visitor.visitor_token });
    const secondTab = await open({ visitor_token: visitor.visitor_token });
    await eventually(async () => (await presenceOf(visitor)).sockets === 2, 'both tabs count');

    firstTab.close();
    await eventually(async () => (await presenceOf(visitor)).sockets === 1, 'the closed tab is gone');
    await pause((GRACE_S * 1000) + SWEEP_MS + 300);
    assert.equal((await presenceOf(visitor)).is_online, true);
    assert.deepEqual(offlinesWithOneTab().filter(forVisitor(visitor)), [], 'still online through the other tab');

    const offline = nextEvent(agentSocket, 'customer:offline', forVisitor(visitor), (GRACE_S * 1000) + (2 * SWEEP_MS));
    secondTab.close();
    await offline;
    assert.equal(onlines().filter(forVisitor(visitor)).length, 1, 'one visitor came online once');
  });

  test('a reload within the grace period does not flap the visitor offline', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { agentSocket, visitor, visitorSocket: before } = await visitorOnline();
    const changes = [record(agentSocket, 'customer:online'), record(agentSocket, 'customer:offline')];
    before.close();
    await open({ visitor_token: visitor.visitor_token });
    await pause((GRACE_S * 1000) + SWEEP_MS + 300);
    assert.deepEqual(changes.flatMap((stop) => stop()).filter(forVisitor(visitor)), []);
    assert.equal((await presenceOf(visitor)).is_online, true);
  });

  test('an agent sets its status over the socket; teammates hear it, others do not, and bad input is refused', { timeout: TEST_TIMEOUT_MS }, async () => {
    const agentSocket = await open({ token: agent.token });
    const teammateSocket = await open({ token: teammate.token });
    const outsiderSocket = await open({ token: outsider.token });
    const outsiderHeard = record(outsiderSocket, 'agent:status_changed');
    const heard = nextEvent(teammateSocket, 'agent:status_changed', (e) => e.agent_id === agent.agent.id && e.status === 'busy');
    const own = nextEvent(agentSocket, 'agent:status_changed', (e) => e.agent_id === agent.agent.id && e.status === 'busy');
    assert.deepEqual(await request(agentSocket, 'agent:set_status', 'busy'), { agent_id: agent.agent.id, status: 'busy' });
    assert.match((await heard).at, TIMESTAMP);
    await own;
    const listed = expectStatus(await get(hub, '/api/agent/status', { token: teammate.token }), 200).agents;
    assert.equal(listed.find((a) => a.agent_id === agent.agent.id)?.status, 'busy');

    const refused = await request(agentSocket, 'agent:set_status', { status: 'sleeping' });
    assert.equal(refused.error.code, 'validation_failed');
    assert.equal(refused.error.field, 'status');
    assert.deepEqual(await request(agentSocket, 'agent:set_status', { status: 'online' }),
      { agent_id: agent.agent.id, status: 'online' });
    assert.deepEqual(await request(agentSocket, 'agent:heartbeat', {}), { heartbeat_s: 1, stale_after_s: AGENT_STALE_S });
    assert.deepEqual(outsiderHeard().filter((e) => e.agent_id === agent.agent.id), []);
  });

  test('an agent without heartbeats goes stale: teammates see it offline after agent_stale_s', { timeout: TEST_TIMEOUT_MS }, async () => {
    const quiet = await createAgent(hub, admin, { widgets: ['demo'] });
    const teammateSocket = await open({ token: teammate.token });
    const quietSocket = await open({ token: quiet.token });
    await request(quietSocket, 'agent:set_status', 'online');
    const stale = await nextEvent(teammateSocket, 'agent:status_changed',
      (e) => e.agent_id === quiet.agent.id && e.status === 'offline', (AGENT_STALE_S * 1000) + (2 * SWEEP_MS));
    assert.match(stale.at, TIMESTAMP);
    const listed = expectStatus(await get(hub, '/api/agent/status', { token: teammate.token }), 200).agents;
    assert.ok(!listed.some((a) => a.agent_id === quiet.agent.id), 'a stale agent is not listed as present');

    // A heartbeat brings back the status the agent chose.
    const back = nextEvent(teammateSocket, 'agent:status_changed', (e) => e.agent_id === quiet.agent.id && e.status === 'online');
    await request(quietSocket, 'agent:heartbeat', {});
    await back;
  });

  test('viewing over the socket is shown to teammates and ends when the socket closes', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const teammateSocket = await open({ token: teammate.token });
    const viewerSocket = await connectSocket(hub, { token: agent.token });
    const started = nextEvent(teammateSocket, 'conversation:viewing',
      (e) => e.conversation_id === visitor.conversation_id && e.agents.length === 1);
    assert.deepEqual(await request(viewerSocket, 'agent:viewing', visitor.conversation_id),
      { conversation_id: visitor.conversation_id, viewing: true });
    assert.equal((await started).agents[0].agent_id, agent.agent.id);
    const detail = await conversation(hub, teammate.token, visitor.conversation_id);
    assert.deepEqual(detail.viewers.map((v) => v.agent_id), [agent.agent.id]);
    assert.match(detail.last_viewed_at, TIMESTAMP);

    const ended = nextEvent(teammateSocket, 'conversation:viewing',
      (e) => e.conversation_id === visitor.conversation_id && e.agents.length === 0);
    viewerSocket.close();
    await ended;
    assert.deepEqual((await conversation(hub, teammate.token, visitor.conversation_id)).viewers, []);
  });

  test('agent:stop_viewing ends the viewing; an agent of another widget cannot view', { timeout: TEST_TIMEOUT_MS }, async () => {
    const visitor = await initVisitor(hub);
    const agentSocket = await open({ token: agent.token });
    await request(agentSocket, 'agent:viewing', { conversation_id: visitor.conversation_id });
    assert.deepEqual(await request(agentSocket, 'agent:stop_viewing', { conversation_id: visitor.conversation_id }),
      { conversation_id: visitor.conversation_id, viewing: false });
    await eventually(async () => (await conversation(hub, agent.token, visitor.conversation_id)).viewers.length === 0,
      'the viewing ended');

    const outsiderSocket = await open({ token: outsider.token });
    const refused = await request(outsiderSocket, 'agent:viewing', visitor.conversation_id);
    assert.equal(refused.error.code, 'not_found');
  });
});

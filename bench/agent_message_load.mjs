// The load behind bench/agent-message-run: how fast the outbox delivers agents' replies to visitors on an external
// channel (`agent_message` deliveries). A hub started with the integration tests' harness on the database they
// use (SWITCHBOARD_TEST_DB), the `relay` test plugin as the visitors' channel (it accepts every delivery at once,
// so the figures are the hub's: queueing in the reply's transaction, claiming, reading what a delivery carries,
// booking), and an agent socket that times each reply's `message:status` "sent". Two phases:
//   backlog  the channel holds its calls while --backlog replies are posted, then lets go: the drain is timed;
//   live     replies posted at --rate per second for --live-s seconds: from the reply's request to its "sent".
// Prints figures and a RESULT line for scripts; fails when a reply is never sent.
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { Hub } from '../tests/integration/lib/hub.mjs';
import { relayPluginDir } from '../tests/integration/lib/relay.mjs';

const { values: options } = parseArgs({
  options: {
    conversations: { type: 'string', default: '200' },
    backlog: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '16' },
    rate: { type: 'string', default: '500' },
    'live-s': { type: 'string', default: '10' },
  },
});
const conversationCount = Number(options.conversations);
const backlogCount = Number(options.backlog);
const connections = Number(options.connections);
const liveRate = Number(options.rate);
const liveSeconds = Number(options['live-s']);

const plugins = relayPluginDir();

const hub = new Hub({
  hub: {
    plugin_dir: plugins.dir,
    channels: { relay: { plugin: 'relay' } },
    log: { level: 'warning' },
    rate_limits: { requests_per_ip_per_minute: 100_000_000 },
    // The backlog phase holds the channel's calls while it posts: room for that, and for the agent's socket.
    delivery: { attempt_timeout_s: 120, lease_s: 180 },
    realtime: { max_queued_bytes: 256 * 1024 * 1024 },
  },
  widgets: {
    demo: {
      rate_limits: { conversations_per_ip_per_hour: 100_000_000, messages_per_visitor_per_minute: 100_000_000 },
      handover: { methods: { relay: { channel: 'relay', requires: ['phone'] } } },
    },
  },
});

async function call(method, path, body, token) {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) {
    throw Object.assign(new Error(`${method} ${path}: HTTP ${res.status} ${text}`),
      { status: res.status, retryAfterS: Number(res.headers.get('retry-after') ?? 1) });
  }
  return res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text;
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

await hub.setUp();
let socket;
try {
  console.log(`date         ${new Date().toISOString()}, database ${process.env.SWITCHBOARD_TEST_DB ?? 'sqlite'}`);
  const { token } = await call('POST', '/api/auth/login', { email: hub.adminEmail, password: hub.adminPassword });
  const conversations = [];
  for (let i = 0; i < conversationCount; ++i) {
    const phone = `+4477009${String(i).padStart(5, '0')}`;
    const visitor = await call('POST', '/api/widget/init',
      { widget_id: 'demo', name: `Visitor ${i}`, email: `visitor${i}@example.com`, phone });
    await call('POST', '/api/handover/request', { conversation_id: visitor.conversation_id, requested_method: 'relay' },
      visitor.visitor_token);
    conversations.push(visitor.conversation_id);
  }

  // When each reply was answered 201, and when its delivery was reported sent.
  const postedAt = new Map();
  const sentAt = new Map();
  let onSent = () => {};
  socket = io(hub.url, { transports: ['websocket'], reconnection: false, auth: { token }, forceNew: true });
  await new Promise((done, fail) => { socket.on('connect', done); socket.on('connect_error', fail); });
  socket.on('message:status', (event) => {
    if (event.delivery.status !== 'sent' || sentAt.has(event.message_id)) return;
    sentAt.set(event.message_id, performance.now());
    onSent(event.message_id);
  });
  // One look per "sent" event, whatever the backlog: the ids still waiting are kept in a set.
  const allSent = (ids, timeoutMs) => new Promise((done, fail) => {
    const waiting = new Set(ids.filter((id) => !sentAt.has(id)));
    const finish = () => { clearTimeout(timer); onSent = () => {}; done(); };
    const timer = setTimeout(() => {
      onSent = () => {};
      fail(new Error(`${waiting.size} of ${ids.length} replies were not sent`));
    }, timeoutMs);
    onSent = (id) => { if (waiting.delete(id) && waiting.size === 0) finish(); };
    if (waiting.size === 0) finish();
  });

  let sequence = 0;
  /// Posts the next reply; its time is when the request was sent (the "sent" event may come before the 201).
  async function reply() {
    const conversationId = conversations[sequence % conversations.length];
    const text = `Reply ${sequence} from the agent`;
    sequence += 1;
    const started = performance.now();
    const message = await call('POST', `/api/conversations/${conversationId}/messages`, { text }, token);
    postedAt.set(message.id, started);
    return message.id;
  }
  /// The backlog must be all there: a reply the hub refuses as busy (503) is posted again when it says.
  async function replyWhenTaken() {
    for (;;) {
      try {
        return await reply();
      } catch (error) {
        if (error.status !== 503) throw error;
        await new Promise((r) => setTimeout(r, error.retryAfterS * 1000));
      }
    }
  }
  const relay = (path) => call('POST', `/api/channels/relay/inbound/${path}`, undefined);

  // Backlog: everything queued while the channel holds its calls, then the drain.
  await relay('hold?on=true');
  const backlogIds = [];
  const postingStarted = performance.now();
  let claimed = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (claimed < backlogCount) {
      claimed += 1;
      backlogIds.push(await replyWhenTaken());
    }
  }));
  const postingSeconds = (performance.now() - postingStarted) / 1000;
  const released = performance.now();
  await relay('hold?on=false');
  await allSent(backlogIds, 180_000);
  const drainSeconds = (Math.max(...backlogIds.map((id) => sentAt.get(id))) - released) / 1000;
  const drainRate = backlogIds.length / drainSeconds;
  console.log(`backlog      ${backlogIds.length} replies to ${conversationCount} visitors posted in ` +
    `${postingSeconds.toFixed(1)} s (${(backlogIds.length / postingSeconds).toFixed(0)}/s) while the channel held; ` +
    `drained in ${drainSeconds.toFixed(2)} s: ${drainRate.toFixed(0)} agent_message deliveries/s`);

  // Live: an open-loop rate of replies, each timed from its request to its "sent".
  const liveIds = [];
  const liveStarted = performance.now();
  const total = Math.round(liveRate * liveSeconds);
  const inFlight = [];
  let refused = 0;
  for (let i = 0; i < total; ++i) {
    const due = liveStarted + (i * 1000) / liveRate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(reply().then((id) => liveIds.push(id), (error) => {
      // Past what the machine takes, the hub answers busy at once: counted, not timed.
      if (error.status !== 503) throw error;
      refused += 1;
    }));
  }
  await Promise.all(inFlight);
  const offeredSeconds = (performance.now() - liveStarted) / 1000;
  await allSent(liveIds, 60_000);
  const latencies = liveIds.map((id) => sentAt.get(id) - postedAt.get(id)).sort((a, b) => a - b);
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  console.log(`live         ${liveIds.length} replies at ${(liveIds.length / offeredSeconds).toFixed(0)}/s ` +
    `(${refused} refused busy): ` +
    `from the request to "sent" p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`RESULT backlog=${backlogIds.length} drain_per_s=${drainRate.toFixed(0)} live=${liveIds.length} ` +
    `live_refused=${refused} live_p50_ms=${p50.toFixed(1)} live_p99_ms=${p99.toFixed(1)} missing=0`);
} catch (error) {
  console.error(`bench/agent-message-run: ${error.message}`);
  console.log('RESULT missing=1');
  process.exitCode = 1;
} finally {
  socket?.disconnect();
  await hub.tearDown({ keep: process.exitCode === 1 });
  plugins.remove();
}

// The load behind bench/connections-run: a hub started with the integration tests' harness, connections held
// open from this process, and fresh clients timed against it. Prints figures and a RESULT line for scripts.
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { Hub } from '../tests/integration/lib/hub.mjs';
import { RawClient } from '../tests/integration/lib/raw-client.mjs';

const { values: options } = parseArgs({
  options: {
    idle: { type: 'string', default: '10000' },
    trickling: { type: 'string', default: '1000' },
    probes: { type: 'string', default: '2000' },
  },
});
const idleCount = Number(options.idle);
const tricklingCount = Number(options.trickling);
const probeCount = Number(options.probes);

/// One GET /healthz on a fresh connection; resolves the milliseconds to the whole answer.
function probe(baseUrl) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL('/healthz', baseUrl), { agent: false, headers: { Connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function probes(baseUrl, label) {
  const times = [];
  for (let i = 0; i < probeCount; ++i) times.push(await probe(baseUrl));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const figures = { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] };
  console.log(`${label.padEnd(12)} GET /healthz on a fresh connection, ${probeCount} in a row: p50 ${figures.p50.toFixed(2)} ms, ` +
    `p99 ${figures.p99.toFixed(2)} ms, max ${figures.max.toFixed(2)} ms`);
  return figures;
}

/// Opens `count` connections, `parallel` at a time, each set up by `prepare`.
async function openMany(baseUrl, count, prepare, parallel = 200) {
  const clients = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, async () => {
      const client = await RawClient.open(baseUrl);
      await prepare(client);
      return client;
    }));
    clients.push(...batch);
  }
  return clients;
}

const hub = new Hub({
  hub: {
    server: {
      max_connections: idleCount + tricklingCount + 1000,
      max_connections_per_ip: idleCount + tricklingCount + 1000,
      keep_alive_idle_ms: 600_000,
      header_timeout_ms: 600_000,
    },
    log: { level: 'warning' },
  },
});
await hub.setUp();
let trickle;
const held = [];
try {
  console.log(`date         ${new Date().toISOString()}`);
  const before = await probes(hub.url, 'no load');
  const openedAt = performance.now();
  held.push(...await openMany(hub.url, idleCount, async (client) => {
    await client.write('GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n');
    await client.response();
  }));
  held.push(...await openMany(hub.url, tricklingCount, (client) => client.write('GET /healthz HTTP/1.1\r\nHost: bench\r\n')));
  console.log(`held         ${idleCount} idle keep-alive and ${tricklingCount} trickling connections, opened in ` +
    `${((performance.now() - openedAt) / 1000).toFixed(1)} s`);
  let round = 0;
  trickle = setInterval(() => {
    round += 1;
    for (const client of held.slice(idleCount)) client.write(`X-Trickle-${round}: x\r\n`).catch(() => {});
  }, 2000);
  const during = await probes(hub.url, 'held');
  const dropped = held.filter((client) => client.ended).length;
  console.log(`dropped      ${dropped} of the held connections were closed by the hub`);
  console.log(`RESULT idle=${idleCount} trickling=${tricklingCount} before_p99_ms=${before.p99.toFixed(2)} ` +
    `held_p50_ms=${during.p50.toFixed(2)} held_p99_ms=${during.p99.toFixed(2)} held_max_ms=${during.max.toFixed(2)} dropped=${dropped}`);
  process.exitCode = dropped === 0 ? 0 : 1;
} finally {
  clearInterval(trickle);
  held.forEach((client) => client.destroy());
  await hub.tearDown();
}

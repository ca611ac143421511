// Starts the real switchboard binary with a throwaway configuration and database, and stops it again.
//
// Environment:
//   SWITCHBOARD_BIN          binary to run (default: build/bin/switchboard in the repository)
//   SWITCHBOARD_TEST_DB      `sqlite` (default) or `postgresql`
//   SWITCHBOARD_TEST_PG_URL  with `postgresql`: a server URL; every hub gets a fresh database on it
//   SWITCHBOARD_PLUGIN_DIR   the channel plugins' folder (default: plugins/ next to the binary's bin/)
//   SWITCHBOARD_TEST_KEEP    `1` keeps each hub's temporary folder even when its tests passed
import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, afterEach, before } from 'node:test';
import { send } from './http.mjs';
import { toYaml } from './yaml.mjs';

const execFileAsync = promisify(execFile);

/// The stacks of every thread of a process that hangs, when gdb is installed: what a hang report needs and what
/// cannot be had once the process is killed. Empty when gdb is missing, fails or prints nothing (the process exited
/// as it attached).
async function threadStacks(pid) {
  try {
    const { stdout } = await execFileAsync('gdb', ['-p', String(pid), '-batch', '-nx', '-ex', 'thread apply all bt'],
      { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim() ? `; its threads:\n${stdout}` : '';
  } catch {
    return '';
  }
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const HEALTH_TIMEOUT_MS = 20_000;
const HEALTH_POLL_MS = 50;
const STOP_TIMEOUT_MS = 10_000;
// What AddressSanitizer, LeakSanitizer and UBSan print when they find something.
const SANITIZER_REPORT = /^.*(ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:).*$/m;

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'admin-password-1';

const liveProcesses = new Set();
process.on('exit', () => {
  for (const child of liveProcesses) child.kill('SIGKILL');
});

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/// Deep merge for configuration overrides: objects merge, anything else (arrays included) replaces,
/// and `null` removes the key.
export function merge(base, override) {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else out[key] = key in base ? merge(base[key], value) : value;
  }
  return out;
}

function defaultHubConfig() {
  return {
    server: {
      listen: '127.0.0.1',
      port: 0,
      max_body_bytes: 4096,
      max_message_chars: 200,
      web_root: join(repoRoot, 'web'),
    },
    database: {},
    auth: { login_per_ip_per_minute: 1000, login_per_account_per_hour: 1000 },
    rate_limits: { requests_per_ip_per_minute: 100000 },
    outbound: { allowed_hosts: ['127.0.0.1'] },
    widgets_dir: 'widgets',
    channels: {
      portal: { plugin: 'portal' },
      webhook: { plugin: 'webhook' },
    },
  };
}

const generousWidgetLimits = { conversations_per_ip_per_hour: 100000, messages_per_visitor_per_minute: 100000 };

function defaultWidgets() {
  return {
    demo: {
      name: 'Demo Shop',
      allowed_origins: ['https://shop.example', 'https://www.shop.example'],
      appearance: { title: 'Chat with Demo Shop', primary_color: '#0f766e' },
      texts: { welcome: 'Hello from the test widget' },
      prechat: {
        enabled: true,
        fields: [
          { name: 'name', label: 'Your name', type: 'name', required: true },
          { name: 'email', label: 'Email', type: 'email', required: true },
          { name: 'phone', label: 'Phone', type: 'phone', required: false },
          { name: 'company', label: 'Company', type: 'text', required: false, max_length: 80 },
        ],
      },
      rate_limits: generousWidgetLimits,
      handover: {
        enabled: true,
        default_method: 'portal',
        methods: {
          portal: { channel: 'portal', label: 'Chat with an agent' },
          webhook: {
            channel: 'webhook',
            label: 'Our CRM',
            url: 'http://127.0.0.1:9/hooks/chat',
            secret: '${SWITCHBOARD_TEST_WEBHOOK_SECRET}',
          },
        },
      },
    },
    other: {
      name: 'Other Site',
      allowed_origins: ['https://other.example'],
      prechat: { enabled: false, fields: [] },
      rate_limits: generousWidgetLimits,
      handover: {
        enabled: true,
        default_method: 'portal',
        methods: { portal: { channel: 'portal', label: 'Chat with an agent' } },
      },
    },
  };
}

function binaryPath() {
  return process.env.SWITCHBOARD_BIN ? resolve(process.env.SWITCHBOARD_BIN) : join(repoRoot, 'build/bin/switchboard');
}

function testDatabaseKind() {
  const kind = process.env.SWITCHBOARD_TEST_DB || 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgresql') {
    throw new Error(`SWITCHBOARD_TEST_DB must be sqlite or postgresql, not ${kind}`);
  }
  return kind;
}

let databaseCounter = 0;

async function psql(serverUrl, sql) {
  const maintenance = new URL(serverUrl);
  maintenance.pathname = '/postgres';
  await execFileAsync(process.env.PSQL || 'psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', maintenance.toString(), '-c', sql]);
}

/// A fresh database for one hub: a new SQLite file, or a new database on the test PostgreSQL server.
async function createDatabase(dir) {
  if (testDatabaseKind() === 'sqlite') return { url: `sqlite:${join(dir, 'hub.db')}`, drop: async () => {} };
  const serverUrl = process.env.SWITCHBOARD_TEST_PG_URL;
  if (!serverUrl) throw new Error('SWITCHBOARD_TEST_DB=postgresql needs SWITCHBOARD_TEST_PG_URL');
  const name = `sbtest_${process.pid}_${++databaseCounter}_${randomBytes(4).toString('hex')}`;
  await psql(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export class Hub {
  /// options.hub: overrides merged into hub.yaml; options.widgets: { id: overrides | null } merged into
  /// the default widgets (demo, other), a new id adds a widget; options.env: extra environment.
  constructor(options = {}) {
    this.options = options;
    this.adminEmail = ADMIN_EMAIL;
    this.adminPassword = ADMIN_PASSWORD;
    this.webhookSecret = `whsec-test-${randomBytes(12).toString('hex')}`;
    this.process = null;
    this.port = null;
    this.starts = 0;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /// Creates the folder, configuration and database, then starts the binary.
  async setUp() {
    await this.prepare();
    await this.start();
    return this;
  }

  /// Writes the configuration and creates the database, without starting the hub.
  async prepare() {
    const bin = binaryPath();
    if (!existsSync(bin)) throw new Error(`switchboard binary not found at ${bin} (build it or set SWITCHBOARD_BIN)`);
    this.bin = bin;
    this.dir = mkdtempSync(join(tmpdir(), 'switchboard-it-'));
    this.logFile = join(this.dir, 'hub.log');
    this.configFile = join(this.dir, 'hub.yaml');
    this.database = await createDatabase(this.dir);
    this.port = await freePort();
    this.writeConfig();
    return this;
  }

  /// Runs the binary with `args` and this hub's `--config`, feeding it `input`; resolves with its exit code and
  /// output.
  command(args, { input = '', env = {} } = {}) {
    return new Promise((done, fail) => {
      const child = spawn(this.bin, [...args, '--config', this.configFile], {
        cwd: this.dir,
        env: { ...process.env, SWITCHBOARD_TEST_WEBHOOK_SECRET: this.webhookSecret, ...(this.options.env ?? {}), ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (data) => { stdout += data; });
      child.stderr.on('data', (data) => { stderr += data; });
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  }

  writeConfig() {
    const hubConfig = merge(defaultHubConfig(), this.options.hub ?? {});
    hubConfig.server = { ...hubConfig.server, port: this.port };
    hubConfig.database = { ...hubConfig.database, url: this.database.url };
    hubConfig.plugin_dir ??= resolve(process.env.SWITCHBOARD_PLUGIN_DIR ?? join(dirname(this.bin), '../plugins'));
    writeFileSync(this.configFile, toYaml(hubConfig));

    const widgetsDir = join(this.dir, hubConfig.widgets_dir);
    mkdirSync(widgetsDir, { recursive: true });
    const widgets = merge(defaultWidgets(), this.options.widgets ?? {});
    for (const [id, widget] of Object.entries(widgets)) {
      writeFileSync(join(widgetsDir, `${id}.yaml`), toYaml(widget));
    }
  }

  /// Starts the binary on the same configuration and database; resolves once /healthz answers 200.
  async start() {
    if (this.process) throw new Error('hub is already running');
    this.starts += 1;
    const log = openSync(this.logFile, 'a');
    writeSync(log, `\n===== start ${this.starts}: ${this.bin} --port ${this.port} --db ${this.database.url}\n`);
    const child = spawn(this.bin, ['--config', this.configFile, '--port', String(this.port), '--db', this.database.url], {
      cwd: this.dir,
      env: {
        ...process.env,
        SWITCHBOARD_ADMIN_EMAIL: this.adminEmail,
        SWITCHBOARD_ADMIN_PASSWORD: this.adminPassword,
        SWITCHBOARD_TEST_WEBHOOK_SECRET: this.webhookSecret,
        ...(this.options.env ?? {}),
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.process = child;
    liveProcesses.add(child);
    this.exited = new Promise((done) => {
      const finish = (status) => {
        liveProcesses.delete(child);
        if (this.process === child) this.process = null;
        done(status);
      };
      child.on('exit', (code, signal) => finish({ code, signal }));
      child.on('error', (error) => finish({ code: null, signal: null, error: error.message }));
    });
    await this.waitUntilHealthy(child);
  }

  async waitUntilHealthy(child) {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    let exited = null;
    this.exited.then((status) => { exited = status; });
    for (;;) {
      if (exited) {
        const why = exited.error ?? `code ${exited.code}, signal ${exited.signal}`;
        throw new Error(`switchboard exited during start-up (${why}); log: ${this.logFile}`);
      }
      try {
        const response = await send(this.url, 'GET', '/healthz', { timeoutMs: 1000 });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`switchboard did not answer GET /healthz with 200 within ${HEALTH_TIMEOUT_MS} ms; log: ${this.logFile}`);
      }
      await sleep(HEALTH_POLL_MS);
    }
  }

  /// SIGTERM, then waits for the exit; returns { code, signal }.
  async stop() {
    const child = this.process;
    if (!child) return null;
    child.kill('SIGTERM');
    let timer;
    const timeout = new Promise((done) => { timer = setTimeout(() => done(null), STOP_TIMEOUT_MS); });
    const status = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (status) return status;
    const stacks = await threadStacks(child.pid);
    child.kill('SIGKILL');
    await this.exited;
    throw new Error(`switchboard did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM${stacks}`);
  }

  /// SIGKILL: the process gets no chance to flush or clean up.
  async kill() {
    const child = this.process;
    if (!child) return null;
    child.kill('SIGKILL');
    return this.exited;
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  log() {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  /// Stops the hub gracefully, drops its database, and removes its folder unless `keep` (the folder then holds the
  /// log). Throws when the hub did not exit cleanly: a non-zero status, or a sanitizer report in its log (a
  /// sanitizer build reports leaks only at a clean exit, which is why this is not a SIGKILL).
  async tearDown({ keep = false } = {}) {
    const status = this.process ? await this.stop() : null;
    const report = this.logFile ? this.log().match(SANITIZER_REPORT) : null;
    const unclean = (status && (status.code !== 0 || status.signal)) || report;
    if (!this.dir) return;
    if (unclean) {
      const why = report ? `a sanitizer report (${report[0].trim()})` : `code ${status.code}, signal ${status.signal}`;
      throw new Error(`switchboard did not stop cleanly: ${why}; log kept in ${this.logFile}`);
    }
    if (keep || process.env.SWITCHBOARD_TEST_KEEP === '1') return;
    await this.database?.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/// Registers hooks on the enclosing describe(): the hub starts before its tests and is torn down after
/// them; if any test failed (or the hub did not start or stop cleanly), the hub's log is printed and its folder
/// kept.
export function useHub(options = {}) {
  const hub = new Hub(options);
  let failed = false;
  before(async () => {
    try {
      await hub.setUp();
    } catch (error) {
      failed = true;
      throw error;
    }
  });
  afterEach((t) => {
    if (!t.passed) failed = true;
  });
  after(async () => {
    try {
      await hub.tearDown({ keep: failed });
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      if (failed && hub.logFile) {
        process.stderr.write(`\n----- switchboard log (${hub.logFile}) -----\n${hub.log()}\n----- end of log -----\n`);
      }
    }
  });
  return hub;
}

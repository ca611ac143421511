// Small helpers over the hub's HTTP API; every helper that expects success asserts the status it expects.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { send } from './http.mjs';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let counter = 0;
/// A string unique within the test run, safe in emails, shortcuts and search terms.
export function unique(prefix = 'x') {
  counter += 1;
  return `${prefix}${counter}${randomUUID().slice(0, 8)}`;
}

/// request(hub, 'POST', '/api/...', { body, raw, token, cookie, origin, headers, chunked }).
export function request(hub, method, path, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.origin) headers.Origin = options.origin;
  return send(hub.url, method, path, { ...options, headers });
}

export const get = (hub, path, options) => request(hub, 'GET', path, options);
export const post = (hub, path, body, options = {}) => request(hub, 'POST', path, { ...options, body });
export const put = (hub, path, body, options = {}) => request(hub, 'PUT', path, { ...options, body });
export const patch = (hub, path, body, options = {}) => request(hub, 'PATCH', path, { ...options, body });
export const del = (hub, path, options) => request(hub, 'DELETE', path, options);

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function describe(res) {
  return `HTTP ${res.status}: ${res.text.slice(0, 500)}`;
}

export function expectStatus(res, status) {
  assert.equal(res.status, status, `expected HTTP ${status}, got ${describe(res)}`);
  return res.body;
}

/// Asserts the shared error shape {"error":{"code","message","field"?}} with the given status and code,
/// and the field when one is named.
export function assertError(res, status, code, field) {
  assert.equal(res.status, status, `expected HTTP ${status} ${code}, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/, 'error responses are JSON');
  assert.ok(res.body && typeof res.body.error === 'object', `no error object in ${res.text}`);
  assert.equal(res.body.error.code, code, `error code in ${res.text}`);
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(res.body.error.message.length > 0, 'error message is not empty');
  if (field !== undefined) assert.equal(res.body.error.field, field, `error field in ${res.text}`);
}

/// Asserts a 429 with a Retry-After header of whole seconds in 1..maxSeconds.
export function assertRateLimited(res, maxSeconds) {
  assertError(res, 429, 'rate_limited');
  const retryAfter = res.headers['retry-after'];
  assert.match(String(retryAfter), /^\d+$/, `Retry-After is whole seconds, got ${retryAfter}`);
  const seconds = Number(retryAfter);
  assert.ok(seconds >= 1 && seconds <= maxSeconds, `Retry-After ${seconds} in 1..${maxSeconds}`);
}

/// Waits until the wall clock has moved on, so that two writes get distinct millisecond timestamps.
/// Polls `check` until it returns true; for effects the hub applies off the request thread.
export async function eventually(check, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

export function nextMillis(ms = 3) {
  return new Promise((done) => setTimeout(done, ms));
}

// ---- agents ------------------------------------------------------------------------------------

export async function login(hub, email = hub.adminEmail, password = hub.adminPassword) {
  const res = await post(hub, '/api/auth/login', { email, password });
  return expectStatus(res, 200);
}

export async function adminToken(hub) {
  return (await login(hub)).token;
}

/// The body of POST /api/agents for a new agent of the demo widget with a unique email.
export function agentDraft(overrides = {}) {
  return {
    email: `${unique('agent')}@example.com`,
    display_name: 'Test Agent',
    password: 'agent-password-1',
    role: 'agent',
    widgets: ['demo'],
    max_concurrent_chats: 5,
    ...overrides,
  };
}

/// Creates an agent through the admin API and logs it in: { agent, token, email, password }.
export async function createAgent(hub, adminTok, overrides = {}) {
  const body = agentDraft(overrides);
  const agent = expectStatus(await post(hub, '/api/agents', body, { token: adminTok }), 201);
  const { token } = await login(hub, body.email, body.password);
  return { agent, token, email: body.email, password: body.password };
}

// ---- visitors ----------------------------------------------------------------------------------

/// POST /api/widget/init for the demo widget with valid pre-chat data; returns the response body.
export async function initVisitor(hub, overrides = {}, options = {}) {
  const body = {
    widget_id: 'demo',
    name: 'Ada Visitor',
    email: `${unique('visitor')}@example.com`,
    ...overrides,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  const res = await post(hub, '/api/widget/init', body, options);
  return expectStatus(res, options.expect ?? 201);
}

export async function visitorMessage(hub, visitor, text, clientMsgId) {
  const body = { conversation_id: visitor.conversation_id, text };
  if (clientMsgId !== undefined) body.client_msg_id = clientMsgId;
  return post(hub, '/api/widget/messages', body, { token: visitor.visitor_token });
}

/// Posts a visitor message and asserts 201; returns the Message.
export async function sendVisitorMessage(hub, visitor, text, clientMsgId) {
  return expectStatus(await visitorMessage(hub, visitor, text, clientMsgId), 201);
}

export async function visitorMessages(hub, visitor, params = {}) {
  const path = `/api/widget/messages${query({ conversation_id: visitor.conversation_id, ...params })}`;
  return expectStatus(await get(hub, path, { token: visitor.visitor_token }), 200);
}

/// Posts an agent reply and asserts 201; returns the Message.
export async function agentReply(hub, token, conversationId, text, clientMsgId) {
  const body = { text };
  if (clientMsgId !== undefined) body.client_msg_id = clientMsgId;
  return expectStatus(await post(hub, `/api/conversations/${conversationId}/messages`, body, { token }), 201);
}

export async function conversation(hub, token, conversationId) {
  return expectStatus(await get(hub, `/api/conversations/${conversationId}`, { token }), 200);
}

export async function conversationAction(hub, token, conversationId, action, body = {}) {
  return post(hub, `/api/conversations/${conversationId}/${action}`, body, { token });
}

/// Every conversation the agent can list with the given filters, following next_cursor.
export async function listAll(hub, token, params = {}) {
  const all = [];
  let cursor;
  for (let page = 0; page < 100; page += 1) {
    const res = await get(hub, `/api/conversations${query({ ...params, cursor })}`, { token });
    const body = expectStatus(res, 200);
    all.push(...body.conversations);
    if (!body.next_cursor) return all;
    cursor = body.next_cursor;
  }
  throw new Error('more than 100 pages');
}

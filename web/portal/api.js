// The hub's REST API as the portal uses it. Errors come back as ApiError carrying the hub's
// {"error": {"code", "message", "field"}} so forms can put each message next to its field.
import { busyResponseWait, retryWhileBusy } from '../shared/busy-retry.js';
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, { code = 'http_error', message, field } = {}) {
    super(message || `Request failed (HTTP ${status})`);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

const listeners = { unauthorized: new Set() };

/// Called whenever the hub answers 401 to a signed-in request: the session ended.
export function onUnauthorized(handler) {
  listeners.unauthorized.add(handler);
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await retryWhileBusy(() => fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    }), busyResponseWait);
  } catch {
    throw new ApiError(0, { code: 'network', message: 'The hub cannot be reached. Check your connection.' });
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data?.error ?? {});
    if (response.status === 401 && path !== '/api/auth/login') for (const handler of listeners.unauthorized) handler(error);
    throw error;
  }
  return data;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value) => encodeURIComponent(value);

export const api = {
  login: (email, password) => request('POST', '/api/auth/login', { email, password }),
  logout: () => request('POST', '/api/auth/logout'),
  me: () => request('GET', '/api/me'),

  heartbeat: () => request('POST', '/api/agent/heartbeat'),
  setStatus: (status) => request('POST', '/api/agent/status', { status }),
  goOffline: () => request('POST', '/api/agent/logout'),
  startViewing: (conversationId) => request('POST', `/api/agent/viewing/${id(conversationId)}`),
  stopViewing: (conversationId) => request('POST', `/api/agent/stop-viewing/${id(conversationId)}`),
  presentAgents: () => request('GET', '/api/agent/status'),
  agents: () => request('GET', '/api/agents'),
  widgets: () => request('GET', '/api/widgets'),

  conversations: (params) => request('GET', `/api/conversations${query(params)}`),
  conversation: (conversationId) => request('GET', `/api/conversations/${id(conversationId)}`),
  updateConversation: (conversationId, changes) => request('PATCH', `/api/conversations/${id(conversationId)}`, changes),
  messages: (conversationId, params) => request('GET', `/api/conversations/${id(conversationId)}/messages${query(params)}`),
  reply: (conversationId, text, clientMsgId) =>
    request('POST', `/api/conversations/${id(conversationId)}/messages`, { text, client_msg_id: clientMsgId }),
  assign: (conversationId, agentId) => request('POST', `/api/conversations/${id(conversationId)}/assign`, { agent_id: agentId }),
  transfer: (conversationId, agentId) =>
    request('POST', `/api/conversations/${id(conversationId)}/transfer`, { agent_id: agentId }),
  resolve: (conversationId) => request('POST', `/api/conversations/${id(conversationId)}/resolve`),
  reopen: (conversationId) => request('POST', `/api/conversations/${id(conversationId)}/reopen`),
  markRead: (conversationId, upToSeq) =>
    request('POST', `/api/conversations/${id(conversationId)}/read`, upToSeq ? { up_to_seq: upToSeq } : {}),
  visitorPresence: (conversationId) => request('GET', `/api/widget/presence${query({ conversation_id: conversationId })}`),

  cannedResponses: (widgetId) => request('GET', `/api/canned-responses${query({ widget_id: widgetId })}`),
  cannedByShortcut: (shortcut) => request('GET', `/api/canned-responses${query({ shortcut })}`),
  createCanned: (input) => request('POST', '/api/canned-responses', input),
  updateCanned: (cannedId, input) => request('PUT', `/api/canned-responses/${id(cannedId)}`, input),
  deleteCanned: (cannedId) => request('DELETE', `/api/canned-responses/${id(cannedId)}`),

  handoverRequests: (params) => request('GET', `/api/handover/requests${query(params)}`),
  handoverRequest: (requestId) => request('GET', `/api/handover/requests/${id(requestId)}`),
  retryHandover: (requestId) => request('POST', `/api/handover/requests/${id(requestId)}/retry`),
  handoverConfig: (widgetId) => request('GET', `/api/handover/config/${id(widgetId)}`),
  saveHandoverConfig: (widgetId, config) => request('PUT', `/api/handover/config/${id(widgetId)}`, config),
  testMethod: (body) => request('POST', '/api/handover/test', body),
  plugins: () => request('GET', '/api/plugins'),
  handoverAnalytics: (params) => request('GET', `/api/handover/analytics${query(params)}`),
  stats: (params) => request('GET', `/api/stats${query(params)}`),
};

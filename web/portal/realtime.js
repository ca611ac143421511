// The agent's live connection to the hub (Socket.IO over WebSocket), with the heartbeat the hub expects.
import { SocketClient } from '/shared/socket-client.js';
import { api } from './api.js';
import { session } from './session.js';

// Until the hub's first heartbeat answer tells its presence.heartbeat_s: below its default of 30 s.
const DEFAULT_HEARTBEAT_MS = 25_000;

/// Opens the socket and starts the heartbeat; `close()` ends both for good.
export function connectRealtime() {
  // Without a stored token (a new tab) the same-origin upgrade carries the session cookie instead.
  const socket = new SocketClient({ url: location.origin, auth: () => (session.token ? { token: session.token } : {}) });
  let intervalMs = DEFAULT_HEARTBEAT_MS;
  let timer = null;
  const schedule = () => {
    clearInterval(timer);
    timer = setInterval(beat, intervalMs);
  };
  // Each answer says when the next heartbeat is due; the interval follows it.
  const beatOnSocket = () => socket.request('agent:heartbeat').then((answer) => {
    const seconds = answer && answer.heartbeat_s;
    if (Number.isFinite(seconds) && seconds > 0 && seconds * 1000 !== intervalMs) {
      intervalMs = seconds * 1000;
      schedule();
    }
  }).catch(() => {});
  function beat() {
    if (socket.connected) beatOnSocket();
    else api.heartbeat().catch(() => {});
  }
  schedule();
  socket.on('connect', beatOnSocket);
  socket.connect();
  return {
    socket,
    close() {
      clearInterval(timer);
      socket.close();
    },
  };
}

/// socket.request that turns an {error} acknowledgement into a rejection.
export async function ask(socket, event, payload) {
  const answer = await socket.request(event, payload);
  if (answer && answer.error) {
    const error = new Error(answer.error.message || answer.error.code);
    error.code = answer.error.code;
    error.field = answer.error.field;
    throw error;
  }
  return answer;
}

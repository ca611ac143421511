// The agent's live connection to the hub (Socket.IO over WebSocket), with the heartbeat the hub expects.
import { SocketClient } from '/shared/socket-client.js';
import { api } from './api.js';
import { session } from './session.js';

// presence.heartbeat_s defaults to 30 s and agents go stale only after 300 s, so 25 s leaves ample margin.
const HEARTBEAT_MS = 25_000;

/// Opens the socket and starts the heartbeat; `close()` ends both for good.
export function connectRealtime() {
  // Without a stored token (a new tab) the same-origin upgrade carries the session cookie instead.
  const socket = new SocketClient({ url: location.origin, auth: () => (session.token ? { token: session.token } : {}) });
  const heartbeat = setInterval(() => {
    if (socket.connected) socket.emit('agent:heartbeat');
    else api.heartbeat().catch(() => {});
  }, HEARTBEAT_MS);
  socket.on('connect', () => socket.emit('agent:heartbeat'));
  socket.connect();
  return {
    socket,
    close() {
      clearInterval(heartbeat);
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

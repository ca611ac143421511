// The portal's entry point: restore or open a session, then build the app and route between its pages.
import { api, onUnauthorized } from './api.js';
import { AgentDirectory } from './agents.js';
import { Inbox } from './inbox.js';
import { showLogin } from './login.js';
import { NotificationCenter } from './notifications.js';
import { AgentPresence } from './presence.js';
import { connectRealtime } from './realtime.js';
import { session } from './session.js';
import { showPage } from './pages.js';

const NOTICE_KEY = 'switchboard.portal.notice';

async function boot() {
  const boot = document.getElementById('boot');
  try {
    // A stored token, or the session cookie of an earlier login in another tab.
    const agent = await api.me();
    session.start(session.token, agent);
  } catch {
    session.end();
  }
  boot.remove();
  if (session.agent) {
    startApp({ freshLogin: false });
  } else {
    const notice = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    showLogin({ onSignedIn: startApp, notice });
  }
}

/// Leaves the app for the sign-in page, with a clean slate (no listeners, no socket).
function restart(notice) {
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
  session.end();
  location.replace('/portal');
}

async function startApp({ freshLogin }) {
  const app = document.getElementById('app');
  app.hidden = false;
  document.getElementById('agent-name').textContent = session.agent.display_name;
  for (const link of app.querySelectorAll('[data-admin-only]')) link.hidden = !session.isAdmin;

  const { socket, close } = connectRealtime();
  onUnauthorized(() => {
    close();
    restart('Your session has ended. Please sign in again.');
  });
  socket.on('connect_error', (message) => {
    if (message === 'authentication failed') {
      close();
      restart('Your session has ended. Please sign in again.');
    }
  });
  trackConnection(socket);

  const presence = new AgentPresence(socket);
  document.getElementById('status-slot').append(presence.select);
  if (freshLogin && session.agent.status === 'offline') presence.setStatus('online');

  const agents = new AgentDirectory(socket);
  await agents.load().catch(() => {});
  const notifications = new NotificationCenter({ openConversation: (id) => { location.hash = `#/inbox/${id}`; } });
  document.getElementById('notifications-slot').append(notifications.element);
  const inbox = new Inbox({ socket, agents, presence, notifications });

  document.getElementById('logout').addEventListener('click', async () => {
    close();
    await api.goOffline().catch(() => {});
    await api.logout().catch(() => {});
    restart();
  });

  const route = () => showPage(location.hash, { inbox, agents });
  window.addEventListener('hashchange', route);
  route();
}

/// The little "Reconnecting…" note in the top bar.
function trackConnection(socket) {
  const indicator = document.getElementById('connection');
  let everConnected = false;
  socket.on('connect', () => {
    everConnected = true;
    indicator.textContent = '';
    indicator.className = 'connection';
  });
  socket.on('disconnect', () => {
    if (!everConnected) return;
    indicator.textContent = 'Reconnecting…';
    indicator.className = 'connection is-down';
  });
}

boot();

// Hash routes: #/inbox, #/inbox/<conversation id>, #/canned, #/analytics, #/settings (admins).
import { analyticsPage } from './analytics-page.js';
import { cannedResponsesPage } from './canned-responses-page.js';
import { session } from './session.js';
import { settingsPage } from './settings-page.js';

const PAGES = {
  canned: { title: 'Canned responses', build: cannedResponsesPage },
  analytics: { title: 'Analytics', build: analyticsPage },
  settings: { title: 'Settings', build: settingsPage, adminOnly: true },
};

let current = null;

export function showPage(hash, { inbox, agents }) {
  const [name = 'inbox', conversationId = null] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const page = PAGES[name] && !(PAGES[name].adminOnly && !session.isAdmin) ? name : 'inbox';
  for (const link of document.querySelectorAll('.main-nav a')) {
    if (link.dataset.route === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const view = document.getElementById('view');

  if (page === 'inbox') {
    document.title = 'Inbox · Switchboard';
    if (current !== 'inbox') view.replaceChildren(inbox.element);
    current = 'inbox';
    inbox.show(conversationId);
    return;
  }
  inbox.show(null);
  current = page;
  document.title = `${PAGES[page].title} · Switchboard`;
  view.replaceChildren(PAGES[page].build({ agents }));
  view.focus({ preventScroll: true });
}

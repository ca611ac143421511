// Who is signed in. The session token lives in sessionStorage (this tab only) and is sent as a bearer token;
// the hub's HttpOnly cookie from the same login covers other tabs and reloads when storage is empty.

const TOKEN_KEY = 'switchboard.portal.token';

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY),
  agent: null,

  get isAdmin() {
    return this.agent?.role === 'admin';
  },

  start(token, agent) {
    this.token = token;
    this.agent = agent;
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
  },

  end() {
    this.token = null;
    this.agent = null;
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

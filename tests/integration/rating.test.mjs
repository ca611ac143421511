import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useHub } from './lib/hub.mjs';
import { adminToken, assertError, conversation, expectStatus, initVisitor, post } from './lib/api.mjs';

describe('POST /api/widget/rating', () => {
  const hub = useHub();
  let admin;
  before(async () => {
    admin = await adminToken(hub);
  });

  const rate = (visitor, body) =>
    post(hub, '/api/widget/rating', { conversation_id: visitor.conversation_id, ...body }, { token: visitor.visitor_token });

  test('stores a rating of 1 to 5 with optional feedback', async () => {
    const visitor = await initVisitor(hub, { message: 'hi' });
    const body = expectStatus(await rate(visitor, { rating: 4, feedback: 'Quick and friendly 👍' }), 200);
    assert.deepEqual(body, { conversation_id: visitor.conversation_id, rating: 4, feedback: 'Quick and friendly 👍' });
    const seen = await conversation(hub, admin, visitor.conversation_id);
    assert.equal(seen.rating, 4);
    assert.equal(seen.feedback, 'Quick and friendly 👍');
  });

  test('both ends of the scale are accepted and a later rating replaces the earlier one', async () => {
    const visitor = await initVisitor(hub);
    expectStatus(await rate(visitor, { rating: 1 }), 200);
    const body = expectStatus(await rate(visitor, { rating: 5 }), 200);
    assert.equal(body.rating, 5);
    assert.equal(body.feedback, null);
    assert.equal((await conversation(hub, admin, visitor.conversation_id)).rating, 5);
  });

  test('anything but an integer from 1 to 5 is 422 invalid_rating', async () => {
    const visitor = await initVisitor(hub);
    for (const rating of [0, 6, -1, 2.5, 'x', '5', true, null]) {
      assertError(await rate(visitor, { rating }), 422, 'invalid_rating');
    }
    assert.equal((await conversation(hub, admin, visitor.conversation_id)).rating, null);
  });

  test('rating is required', async () => {
    const visitor = await initVisitor(hub);
    assertError(await rate(visitor, {}), 400, 'missing_field', 'rating');
  });

  test("another visitor's conversation is 404, no token is 401", async () => {
    const owner = await initVisitor(hub);
    const other = await initVisitor(hub);
    const res = await post(hub, '/api/widget/rating', { conversation_id: owner.conversation_id, rating: 1 },
      { token: other.visitor_token });
    assertError(res, 404, 'not_found');
    assertError(await post(hub, '/api/widget/rating', { conversation_id: owner.conversation_id, rating: 1 }), 401, 'unauthorized');
    assert.equal((await conversation(hub, admin, owner.conversation_id)).rating, null);
  });
});

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { ANONYMOUS, parseUserTags } from '@shellac/protocol';
import { createUserTagger, ShellacServerError } from './index.js';

const SECRET = 'a-test-secret-of-32-characters!!';
const OLD = 'the-previous-secret-0123456789';
const throwsCode = (fn: () => unknown, code: string, message?: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof ShellacServerError && e.code === code && (!message || message.test(e.message)));

describe('createUserTagger', () => {
  const userTag = createUserTagger({ secret: SECRET });

  test('a 22-character base64url HMAC-SHA256 of the id under the secret', () => {
    const tag = userTag('42');
    assert.match(tag, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(tag, createHmac('sha256', SECRET).update('42').digest('base64url').slice(0, 22));
    assert.equal(userTag.name, 'userTag');
  });

  test('deterministic: the same id, the same tag, across taggers with the same secret', () => {
    assert.equal(userTag('alice'), userTag('alice'));
    assert.equal(createUserTagger({ secret: SECRET })('alice'), userTag('alice'));
    assert.equal(userTag(42), userTag('42')); // a number is its decimal string, as ids come from a cookie or a database
  });

  test('differs by id and by secret', () => {
    assert.notEqual(userTag('1'), userTag('2'));
    assert.notEqual(userTag('alice'), userTag('Alice'));
    assert.notEqual(createUserTagger({ secret: OLD })('alice'), userTag('alice'));
  });

  test('never contains the raw id', () => {
    for (const id of ['alice', 'alice@example.com', 'user-00042', 123456789]) {
      const tag = userTag(id);
      assert.ok(!tag.includes(String(id)), `${tag} holds ${id}`);
      assert.ok(!tag.includes(Buffer.from(String(id)).toString('base64url')), `${tag} encodes ${id}`);
    }
  });

  test('nobody signed in is anonymous, under any number of secrets', () => {
    for (const tagger of [userTag, createUserTagger({ secret: [SECRET, OLD] })]) {
      assert.equal(tagger(null), ANONYMOUS);
      assert.equal(tagger(undefined), ANONYMOUS);
      assert.equal(tagger(''), ANONYMOUS); // a blank cookie names nobody
    }
  });

  test('rotation lists the tag under each secret, newest first: the wire format', () => {
    const rotating = createUserTagger({ secret: [SECRET, OLD] });
    const value = rotating('alice');
    assert.equal(value, `${userTag('alice')}, ${createUserTagger({ secret: OLD })('alice')}`);
    assert.deepEqual(parseUserTags(value), [userTag('alice'), createUserTagger({ secret: OLD })('alice')]);
    // A one-secret list is the plain tag; a repeated secret is listed once.
    assert.equal(createUserTagger({ secret: [SECRET] })('alice'), userTag('alice'));
    assert.equal(createUserTagger({ secret: [SECRET, SECRET] })('alice'), userTag('alice'));
  });

  test('rejects secrets that are missing, short or not strings, saying what to do', () => {
    throwsCode(() => createUserTagger({ secret: 'short' }), 'options', /at least 16 characters/);
    throwsCode(() => createUserTagger({ secret: '' }), 'options');
    throwsCode(() => createUserTagger({ secret: [] }), 'options', /secret/);
    throwsCode(() => createUserTagger({ secret: [SECRET, 'old'] }), 'options', /secret`\[1\]/);
    throwsCode(() => createUserTagger({ secret: 42 as unknown as string }), 'options'); // as plain JS could pass it
    throwsCode(() => createUserTagger(undefined as unknown as { secret: string }), 'options'); // as plain JS could call it
    assert.doesNotThrow(() => createUserTagger({ secret: 'x'.repeat(16) }));
  });

  test('rejects ids that would name everyone alike (an object, NaN)', () => {
    throwsCode(() => userTag({ id: 1 } as unknown as string), 'user-id', /not the user object/); // plain JS passing the user
    throwsCode(() => userTag(Number.NaN), 'user-id');
  });
});

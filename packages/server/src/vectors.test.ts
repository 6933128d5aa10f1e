import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { encodeTitle } from './finish-headers.js';
import { scanTitle } from './scan-title.js';
import { contentTypeFor } from './serve-file.js';
import { createUserTagger, type UserId } from './user-tag.js';

// The shared vectors in packages/protocol/vectors, which django_shellac's tests read too: the
// Python package must send the same bytes as this one.
const vectors = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../protocol/vectors/${name}`, import.meta.url), 'utf8')) as T; // shape checked by the assertions

interface TagVectors {
  tags: { secret: string; id: UserId; tag: string }[];
  rotations: { secrets: string[]; id: UserId; header: string }[];
  derivations: { secretKey: string; secret: string; id: string; tag: string }[];
}

test('user-tags.json: tags, rotation headers, and the secret django_shellac derives from SECRET_KEY', () => {
  const v = vectors<TagVectors>('user-tags.json');
  for (const { secret, id, tag } of v.tags) assert.equal(createUserTagger({ secret })(id), tag, `${secret} ${id}`);
  for (const { secrets, id, header } of v.rotations) assert.equal(createUserTagger({ secret: secrets })(id), header);
  for (const { secretKey, secret, id, tag } of v.derivations) {
    // Django's salted_hmac(key_salt, '', secret=SECRET_KEY, algorithm='sha256'): a Node server
    // that shares a Django site's SECRET_KEY can tag people the same way.
    const key = createHash('sha256').update(`django_shellac.user_tag${secretKey}`).digest();
    assert.equal(createHmac('sha256', key).update('').digest('hex'), secret);
    assert.equal(createUserTagger({ secret })(id), tag);
  }
});

test('titles.json: the title of a whole content-only body, and its header', () => {
  const v = vectors<{ titles: { html: string; title: string | null; header: string | null }[] }>('titles.json');
  for (const { html, title, header } of v.titles) {
    const found = scanTitle(html) ?? null;
    assert.equal(found, title, html);
    assert.equal(found ? encodeTitle(found) : null, header, html);
  }
});

test('content-types.json: the Content-Type of each file name', () => {
  for (const { file, type } of vectors<{ types: { file: string; type: string }[] }>('content-types.json').types) assert.equal(contentTypeFor(file), type, file);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rangeResponse, ShellacServerError } from './index.js';

// 1000 bytes that differ from their neighbours, so a slice off by one shows.
const BODY = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 251);
const ETAG = '"clip-v1"';
const MODIFIED = new Date('2024-05-01T10:00:00.000Z');
const OPTIONS = { etag: ETAG, lastModified: MODIFIED, headers: { 'Content-Type': 'audio/wav', 'Cache-Control': 'public, max-age=3600' } };
const get = (headers: Record<string, string> = {}, method = 'GET') => rangeResponse(new Request('http://x/clip.wav', { method, headers }), BODY, OPTIONS);
const bytes = async (r: Response) => new Uint8Array(await r.arrayBuffer());

/** Checks a 206 for `start`–`end` (inclusive) of BODY. */
async function partial(r: Response, start: number, end: number): Promise<void> {
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), `bytes ${start}-${end}/1000`);
  assert.equal(r.headers.get('content-length'), String(end - start + 1));
  assert.equal(r.headers.get('content-type'), 'audio/wav');
  assert.equal(r.headers.get('accept-ranges'), 'bytes');
  assert.equal(r.headers.get('etag'), ETAG);
  assert.deepEqual(await bytes(r), BODY.slice(start, end + 1));
}

/** Checks the whole body, 200. */
async function whole(r: Response): Promise<void> {
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), null);
  assert.equal(r.headers.get('content-length'), '1000');
  assert.equal(r.headers.get('accept-ranges'), 'bytes');
  assert.deepEqual(await bytes(r), BODY);
}

describe('rangeResponse', () => {
  test('without Range: the whole body, 200, with Accept-Ranges, the validators and the given headers', async () => {
    const r = get();
    assert.equal(r.headers.get('etag'), ETAG);
    assert.equal(r.headers.get('last-modified'), 'Wed, 01 May 2024 10:00:00 GMT');
    assert.equal(r.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal(r.headers.get('content-type'), 'audio/wav');
    await whole(r);
  });

  test('a closed, an open and a suffix range give 206 with exactly those bytes', async () => {
    await partial(get({ Range: 'bytes=0-0' }), 0, 0);
    await partial(get({ Range: 'bytes=100-199' }), 100, 199);
    await partial(get({ Range: 'bytes=100-' }), 100, 999);
    await partial(get({ Range: 'bytes=-500' }), 500, 999);
    await partial(get({ Range: 'bytes=999-999' }), 999, 999);
  });

  test('ranges past the end are clipped; the unit and spaces are read as RFC 9110 allows', async () => {
    await partial(get({ Range: 'bytes=900-5000' }), 900, 999);
    await partial(get({ Range: 'bytes=-5000' }), 0, 999);
    await partial(get({ Range: 'Bytes=10-19' }), 10, 19);
    await partial(get({ Range: 'bytes= 10-19 , ' }), 10, 19);
  });

  test('no range overlapping the body: 416 with Content-Range bytes */size, nothing else of the 200', async () => {
    for (const range of ['bytes=1000-', 'bytes=1000-2000', 'bytes=-0', 'bytes=5000-, 6000-']) {
      const r = get({ Range: range });
      assert.equal(r.status, 416, range);
      assert.equal(r.headers.get('content-range'), 'bytes */1000', range);
      assert.equal(r.headers.get('cache-control'), null, range);
      assert.equal(r.body, null, range);
    }
  });

  test('a malformed Range or another unit is ignored: the whole body', async () => {
    for (const range of ['bytes=abc', 'bytes=20-10', 'bytes=', 'bytes=,', 'bytes=-', 'items=0-9', 'bytes 0-9', 'bytes=0-9,x']) {
      await whole(get({ Range: range }));
    }
  });

  test('several ranges: the whole body, unless only one of them can be served', async () => {
    await whole(get({ Range: 'bytes=0-9,20-29' }));
    await whole(get({ Range: 'bytes=0-9, 5-14' }));
    await partial(get({ Range: 'bytes=0-9, 5000-' }), 0, 9);
  });

  test('If-Range: the range when it names this body (strong ETag or exact date), else the whole', async () => {
    await partial(get({ Range: 'bytes=10-19', 'If-Range': ETAG }), 10, 19);
    await partial(get({ Range: 'bytes=10-19', 'If-Range': MODIFIED.toUTCString() }), 10, 19);
    await whole(get({ Range: 'bytes=10-19', 'If-Range': '"clip-v0"' }));
    await whole(get({ Range: 'bytes=10-19', 'If-Range': `W/${ETAG}` })); // weak never matches
    await whole(get({ Range: 'bytes=10-19', 'If-Range': new Date(MODIFIED.getTime() + 1000).toUTCString() }));
    await whole(get({ Range: 'bytes=10-19', 'If-Range': 'not a date' }));
    // A stale partial copy is replaced, even when its range would not be satisfiable now.
    await whole(get({ Range: 'bytes=5000-', 'If-Range': '"clip-v0"' }));
    // A weak ETag of our own never allows a range after If-Range.
    const weak = rangeResponse(new Request('http://x', { headers: { Range: 'bytes=0-9', 'If-Range': 'W/"w"' } }), BODY, { etag: 'W/"w"' });
    assert.equal(weak.status, 200);
    // Without Last-Modified, no date matches.
    const dated = rangeResponse(new Request('http://x', { headers: { Range: 'bytes=0-9', 'If-Range': MODIFIED.toUTCString() } }), BODY, { etag: ETAG });
    assert.equal(dated.status, 200);
  });

  test('If-None-Match (weak comparison, lists, *) gives 304 before any range', async () => {
    for (const inm of [ETAG, `W/${ETAG}`, `"other", ${ETAG}`, '*']) {
      const r = get({ 'If-None-Match': inm, Range: 'bytes=0-9' });
      assert.equal(r.status, 304, inm);
      assert.equal(r.body, null);
      assert.equal(r.headers.get('etag'), ETAG);
      assert.equal(r.headers.get('cache-control'), 'public, max-age=3600');
      assert.equal(r.headers.get('content-type'), null);
      assert.equal(r.headers.get('content-range'), null);
    }
    await whole(get({ 'If-None-Match': '"other"' }));
  });

  test('If-Modified-Since gives 304 when no If-None-Match is sent, which otherwise decides', async () => {
    assert.equal(get({ 'If-Modified-Since': MODIFIED.toUTCString() }).status, 304);
    assert.equal(get({ 'If-Modified-Since': new Date(MODIFIED.getTime() + 60_000).toUTCString() }).status, 304);
    await whole(get({ 'If-Modified-Since': new Date(MODIFIED.getTime() - 60_000).toUTCString() }));
    await whole(get({ 'If-Modified-Since': 'yesterday' }));
    await whole(get({ 'If-Modified-Since': MODIFIED.toUTCString(), 'If-None-Match': '"other"' }));
  });

  test('HEAD: the 200 headers without a body, Range ignored (it is defined for GET alone)', async () => {
    for (const headers of [{}, { Range: 'bytes=0-9' }] as Record<string, string>[]) { // the literal's union, widened to what `get` takes
      const r = get(headers, 'HEAD');
      assert.equal(r.status, 200);
      assert.equal(r.body, null);
      assert.equal(r.headers.get('content-length'), '1000');
      assert.equal(r.headers.get('accept-ranges'), 'bytes');
    }
    assert.equal(get({ 'If-None-Match': ETAG }, 'HEAD').status, 304);
  });

  test('other methods get the whole body, preconditions and Range ignored', async () => {
    await whole(get({ Range: 'bytes=0-9', 'If-None-Match': ETAG }, 'POST'));
  });

  test('a string is served as UTF-8 bytes; an empty body ignores Range', async () => {
    const text = rangeResponse(new Request('http://x', { headers: { Range: 'bytes=1-2' } }), 'héllo', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    assert.equal(text.status, 206);
    assert.equal(text.headers.get('content-range'), 'bytes 1-2/6');
    assert.equal(await text.text(), 'é');
    const empty = rangeResponse(new Request('http://x', { headers: { Range: 'bytes=0-' } }), new ArrayBuffer(0));
    assert.equal(empty.status, 200);
    assert.equal(empty.headers.get('content-length'), '0');
  });

  test('an etag without quotes or a date that is none is refused, naming the option', () => {
    const refused = (options: object, option: string) =>
      assert.throws(
        () => rangeResponse(new Request('http://x'), BODY, options),
        (e: unknown) => e instanceof ShellacServerError && e.code === 'validator' && e.details.option === option && e.message.includes(option),
      );
    refused({ etag: 'clip-v1' }, 'etag');
    refused({ etag: '"a"b"' }, 'etag');
    refused({ lastModified: 'someday' }, 'lastModified');
    assert.doesNotThrow(() => rangeResponse(new Request('http://x'), BODY, { etag: 'W/"x"', lastModified: MODIFIED.getTime() }));
  });
});

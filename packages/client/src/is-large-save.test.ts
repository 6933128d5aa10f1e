import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLargeSave, LARGE_FILE_COUNT } from './is-large-save.js';

const files = (n: number, ext = 'png') => Array.from({ length: n }, (_, i) => `https://example.org/img/${i}.${ext}`);

test('an item with audio or video is large, whatever its file count', () => {
  for (const media of ['a.mp3', 'b.M4A', 'c.ogg', 'd.opus', 'e.wav', 'f.flac', 'g.mp4', 'h.webm', 'i.mov']) {
    assert.equal(isLargeSave({ requests: ['https://example.org/page.html', `https://example.org/media/${media}`] }), true, media);
  }
});

test('an item is large past LARGE_FILE_COUNT files, and the extension is read from the path alone', () => {
  assert.equal(isLargeSave({ requests: files(LARGE_FILE_COUNT) }), false);
  assert.equal(isLargeSave({ requests: files(LARGE_FILE_COUNT + 1) }), true);
  assert.equal(isLargeSave({ requests: ['https://example.org/page.html', 'https://example.org/play?file=a.mp3', 'https://example.org/notes.wav.html'] }), false);
});

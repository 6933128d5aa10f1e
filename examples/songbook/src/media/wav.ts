import { frequency, type Note } from './notes.js';

export const SAMPLE_RATE = 8000;
/**
 * The clip's length: long enough to seek in (the server answers Range requests), short enough
 * that thirty clips fit the worker's `clips` cache (8-bit mono at 8 kHz: 240 KB each).
 */
export const CLIP_SECONDS = 30;

/** How a lesson is played: its tempo (quarter notes a minute) and its bar, for the rest between passes. */
export interface Playing {
  tempo: number;
  beatsPerMeasure: number;
}

/** How the end of the clip fades out, so a melody cut mid-phrase does not stop with a click. */
const FADE_SECONDS = 1;

/**
 * Adds one note to `out` at sample `at`, `length` samples long: a sine with a touch of its octave,
 * shaped by a short attack and a decay so notes do not click into each other.
 */
function addNote(out: Float32Array, at: number, length: number, midi: number): void {
  const f = frequency(midi);
  const attack = Math.round(SAMPLE_RATE * 0.01);
  for (let n = 0; n < length && at + n < out.length; n++) {
    const t = n / SAMPLE_RATE;
    const envelope = Math.min(1, n / attack) * Math.exp((-3 * n) / length) * Math.min(1, (length - n) / attack);
    out[at + n] = (envelope * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t))) / 1.3;
  }
}

/**
 * Renders a melody as a WAV file exactly {@link CLIP_SECONDS} long: the whole melody at the
 * lesson's tempo, played again and again with a bar's rest between passes (a practice loop), the
 * last second faded out. 8-bit unsigned PCM, mono, 8 kHz: the header says so.
 */
export function renderWav(notes: readonly Note[], playing: Playing): Buffer {
  const total = SAMPLE_RATE * CLIP_SECONDS;
  const signal = new Float32Array(total);
  const beat = (SAMPLE_RATE * 60) / playing.tempo;
  let at = 0;
  while (at < total && notes.length > 0) {
    for (const note of notes) {
      const length = Math.round(note.beats * beat);
      if (note.midi !== undefined) addNote(signal, at, length, note.midi);
      at += length;
    }
    at += Math.round(playing.beatsPerMeasure * beat);
  }
  const fade = SAMPLE_RATE * FADE_SECONDS;
  const samples = new Uint8Array(total);
  for (let i = 0; i < total; i++) {
    const gain = 0.6 * Math.min(1, (total - i) / fade);
    samples[i] = Math.max(0, Math.min(255, Math.round(128 + 127 * gain * signal[i]!))); // 128 is silence in 8-bit PCM
  }
  return wavFile(samples, SAMPLE_RATE);
}

/** A canonical 44-byte RIFF/WAVE header for 8-bit mono PCM, followed by the samples (padded to an even length, as RIFF chunks are). */
export function wavFile(samples: Uint8Array, sampleRate: number): Buffer {
  const dataBytes = samples.length;
  const pad = dataBytes % 2;
  const out = Buffer.alloc(44 + dataBytes + pad);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes + pad, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate, 28); // byte rate: one byte a sample
  out.writeUInt16LE(1, 32); // block align
  out.writeUInt16LE(8, 34); // bits per sample (8-bit PCM is unsigned)
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  out.set(samples, 44);
  return out;
}

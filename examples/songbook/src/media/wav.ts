import { frequency, type Note } from './notes.js';

export const SAMPLE_RATE = 8000;
/** The clip's length: a short preview, whatever the melody's length. */
export const CLIP_SECONDS = 2;

/**
 * Renders the start of a melody as a WAV file: PCM, 16-bit, mono, 8 kHz, exactly
 * {@link CLIP_SECONDS} long. Eight beats fill the clip (a quarter note lasts 0.25 s); the melody
 * repeats if it is shorter. Each note is a sine with a touch of its octave, shaped by a short
 * attack and a decay so notes do not click into each other.
 */
export function renderWav(notes: readonly Note[]): Buffer {
  const total = SAMPLE_RATE * CLIP_SECONDS;
  const samples = new Int16Array(total);
  const beatSamples = SAMPLE_RATE * 0.25;
  const attack = Math.round(SAMPLE_RATE * 0.01);
  let at = 0;
  for (let i = 0; at < total && notes.length > 0; i++) {
    const note = notes[i % notes.length]!;
    const length = Math.round(note.beats * beatSamples);
    if (note.midi !== undefined) {
      const f = frequency(note.midi);
      for (let n = 0; n < length && at + n < total; n++) {
        const t = n / SAMPLE_RATE;
        const envelope = Math.min(1, n / attack) * Math.exp((-3 * n) / length) * Math.min(1, (length - n) / attack);
        const wave = Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
        samples[at + n] = Math.round(wave * envelope * 0.6 * 32767 / 1.3);
      }
    }
    at += length;
  }
  return wavFile(samples, SAMPLE_RATE);
}

/** A canonical 44-byte RIFF/WAVE header followed by the samples, little-endian. */
export function wavFile(samples: Int16Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // byte rate
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i]!, 44 + i * 2);
  return out;
}

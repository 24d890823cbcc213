import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { measureAudioDuration } from './audio-duration.js';
import { wavFile } from '../../../test/audio-fixtures.js';

/** Bytes arriving in pieces, as a multipart parser hands a file on. */
function streamOf(bytes: Buffer, piece = 4096): PassThrough {
  const stream = new PassThrough();
  let at = 0;
  const next = () => {
    if (at >= bytes.length) return void stream.end();
    stream.write(bytes.subarray(at, at + piece));
    at += piece;
    setImmediate(next);
  };
  next();
  return stream;
}

describe('measureAudioDuration', () => {
  it('reads a WAV file’s length as it streams past, with or without its media type', async () => {
    const audio = wavFile(2.5);
    expect(await measureAudioDuration(streamOf(audio), 'audio/wav')).toBeCloseTo(2.5, 6);
    expect(await measureAudioDuration(streamOf(audio), 'application/octet-stream')).toBeCloseTo(2.5, 6);
    expect(await measureAudioDuration(streamOf(wavFile(0.75, 16_000)), undefined)).toBeCloseTo(0.75, 6);
  });

  it('says null for bytes that are not audio, and still reads them to the end', async () => {
    const stream = streamOf(Buffer.from('this is not audio, only words '.repeat(500)));
    expect(await measureAudioDuration(stream, 'audio/mpeg')).toBeNull();
    await new Promise((resolve) => (stream.readableEnded ? resolve(null) : stream.once('end', resolve)));
    expect(stream.readableEnded).toBe(true);
  });
});

import type { Readable } from 'node:stream';

/**
 * The length of an audio file in seconds, read from its bytes as they stream past (the gateway
 * never holds the whole upload): for transcriptions whose answer does not say how long the audio
 * was (OpenAI's `json` and `text` formats). music-metadata reads the container or frame headers of
 * every format OpenAI accepts (mp3, mp4/m4a, wav, webm, ogg, flac); for MP3 without a VBR header
 * it counts frames to the end, which is why `duration: true`. Null when the format is not
 * recognised: a guess would be billed as fact.
 *
 * The stream is always read to its end, so a multipart parser feeding it is never stalled.
 */
export async function measureAudioDuration(audio: Readable, mimeType: string | undefined): Promise<number | null> {
  try {
    // Loaded on first use: a server that never transcribes never loads the parsers.
    const { parseStream } = await import('music-metadata');
    const metadata = await parseStream(audio, mimeType && mimeType !== 'application/octet-stream' ? { mimeType } : undefined, { duration: true, skipCovers: true });
    const seconds = metadata.format.duration;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  } catch {
    return null;
  } finally {
    // The parser may stop once the header told it enough; the rest is drained, not left pending.
    if (!audio.readableEnded && !audio.destroyed) audio.resume();
  }
}

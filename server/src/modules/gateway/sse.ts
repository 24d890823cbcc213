/**
 * Splits a server-sent-events byte stream into whole events as bytes arrive, keeping each
 * event's bytes exactly as sent (the gateway passes them on unchanged) and exposing its `data`
 * for reading usage. Events end at a blank line (LF LF, or CR LF CR LF); a partial event waits for
 * the next chunk, so nothing larger than one event is ever held.
 */
export interface SseEvent {
  raw: Buffer;
  /** The event's data lines joined with "\n" (the SSE rule); null for an event without data (a comment, a keep-alive). */
  data: string | null;
}

export class SseSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): SseEvent[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const end = eventEnd(this.pending, start);
      if (end < 0) break;
      events.push(parse(this.pending.subarray(start, end)));
      start = end;
    }
    this.pending = start === 0 ? this.pending : Buffer.from(this.pending.subarray(start));
    return events;
  }

  /** Whatever is left when the stream ends (an event without its final blank line). */
  rest(): SseEvent | null {
    if (this.pending.length === 0) return null;
    const event = parse(this.pending);
    this.pending = Buffer.alloc(0);
    return event;
  }
}

/** Index just past the blank line ending the event that starts at `from`, or -1. */
function eventEnd(buffer: Buffer, from: number): number {
  for (let i = from; i < buffer.length - 1; i++) {
    if (buffer[i] !== 0x0a) continue;
    if (buffer[i + 1] === 0x0a) return i + 2;
    if (buffer[i + 1] === 0x0d && buffer[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

function parse(raw: Buffer): SseEvent {
  const lines = raw.toString('utf8').split(/\r?\n/);
  const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
  return { raw, data: data.length > 0 ? data.join('\n') : null };
}

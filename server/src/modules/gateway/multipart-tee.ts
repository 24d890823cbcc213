import { PassThrough, type Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';

/**
 * A multipart upload read twice at once: its bytes go to the provider unchanged (`body`), and
 * through a multipart parser that collects the form fields and hands the file part to a reader
 * (the audio's duration is measured from it). Nothing holds the whole upload: the provider's side
 * and the parser each take bytes with backpressure, so memory is a few chunks.
 *
 * Until the file part begins nobody reads `body`; the bytes before it (the fields sent first) are
 * held, up to `maxBytesBeforeFile`, so the caller can refuse a form without a file, or a call
 * past its limits, before anything is sent.
 */
export interface MultipartLimits {
  /** The whole request. */
  maxBytes: number;
  /** The one file part. */
  maxFileBytes: number;
  /** What may come before the file part (fields). */
  maxBytesBeforeFile: number;
}

export type MultipartStart =
  | { kind: 'file'; filename: string | undefined; mimeType: string }
  | MultipartFailure;

export type MultipartFailure = { kind: 'too-large' } | { kind: 'malformed'; message: string } | { kind: 'caller-gone' };

export class MultipartTee {
  /** The request's bytes exactly as they came, for the provider. */
  readonly body = new PassThrough();
  /** Form fields as parsed so far (complete once `finished` resolved); the first value of a repeated name. */
  readonly fields = new Map<string, string>();
  /** When the file part begins (the provider may be called), or why it never will. */
  readonly started: Promise<MultipartStart>;
  /** When the whole request was read and parsed, or what went wrong, or that it was discarded. */
  readonly finished: Promise<MultipartFailure | { kind: 'ok' } | { kind: 'discarded' }>;
  private failure: MultipartFailure | null = null;
  private fileSeen = false;
  private stopped = false;
  private parser: busboy.Busboy | undefined;
  private endWith!: (end: MultipartFailure | { kind: 'ok' } | { kind: 'discarded' }) => void;

  constructor(
    private readonly req: Request,
    limits: MultipartLimits,
    onFile: (file: Readable, mimeType: string) => void,
  ) {
    let resolveStart!: (start: MultipartStart) => void;
    this.started = new Promise((resolve) => (resolveStart = resolve));
    this.finished = new Promise((resolve) => (this.endWith = resolve));
    const resolveEnd = (end: MultipartFailure | { kind: 'ok' }) => this.endWith(end);
    // A failure is reported through `failed`; the provider's side sees `body` end in an error.
    this.body.on('error', () => undefined);
    const fail = (failure: MultipartFailure) => {
      if (this.failure || this.stopped) return;
      this.failure = failure;
      this.stopped = true;
      resolveStart(failure);
      resolveEnd(failure);
      this.body.destroy(new Error(`multipart upload failed: ${failure.kind}`));
      this.stopParser();
      req.resume();
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limits.maxFileBytes, fields: 64, fieldSize: 64 * 1024, parts: 80 } });
    } catch (error) {
      fail({ kind: 'malformed', message: `The body must be multipart/form-data with a boundary (${(error as Error).message})` });
      return;
    }
    this.parser = parser;
    parser.on('field', (name, value) => {
      if (!this.fields.has(name)) this.fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      // A form cut short errors its file stream; the file's reader may not be listening yet.
      stream.on('error', () => undefined);
      if (this.fileSeen || name !== 'file') {
        stream.resume();
        if (!this.fileSeen) fail({ kind: 'malformed', message: 'The audio goes in the form field `file`' });
        return;
      }
      this.fileSeen = true;
      stream.once('limit', () => fail({ kind: 'too-large' }));
      onFile(stream, info.mimeType);
      resolveStart({ kind: 'file', filename: info.filename, mimeType: info.mimeType });
    });
    parser.on('filesLimit', () => fail({ kind: 'malformed', message: 'Send one file per transcription' }));
    parser.on('partsLimit', () => fail({ kind: 'malformed', message: 'The form has too many parts' }));
    parser.on('error', (error) => fail({ kind: 'malformed', message: `The multipart body is malformed (${(error as Error).message})` }));
    parser.on('close', () => {
      if (!this.fileSeen) fail({ kind: 'malformed', message: 'The form has no `file`: send the audio to transcribe as the `file` field' });
      else if (!this.failure) resolveEnd({ kind: 'ok' });
    });

    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      if (this.stopped) return;
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return fail({ kind: 'too-large' });
      const bodyAccepted = this.body.write(chunk);
      const parserReady = parser.write(chunk);
      // Before the file part nobody reads `body` yet: what it holds is bounded by maxBytesBeforeFile.
      if (!this.fileSeen && bytes > limits.maxBytesBeforeFile) return fail({ kind: 'too-large' });
      if (this.stopped) return;
      const bodyReady = bodyAccepted || !this.fileSeen;
      if (bodyReady && parserReady) return;
      req.pause();
      const waits: Promise<void>[] = [];
      if (!bodyReady) waits.push(drained(this.body));
      if (!parserReady) waits.push(drained(parser));
      void Promise.all(waits).then(() => {
        if (!this.stopped) req.resume();
      });
    });
    req.on('end', () => {
      if (this.stopped) return;
      this.body.end();
      parser.end();
    });
    req.on('close', () => {
      if (!req.complete) fail({ kind: 'caller-gone' });
    });
    // The provider's side gave up (its call failed): nothing more is forwarded or parsed, and the
    // rest of the upload is read and dropped rather than left waiting.
    this.body.on('close', () => {
      if (!this.body.writableFinished) this.discard();
    });
  }

  /**
   * The file's reader (the duration measurement) sees its stream end in an error rather than
   * wait forever. Deferred: busboy fails if destroyed inside one of its own events (a `limit`).
   */
  private stopParser(): void {
    const parser = this.parser;
    if (parser) setImmediate(() => parser.destroy());
  }

  /** What went wrong while reading, if anything did. */
  get failed(): MultipartFailure | null {
    return this.failure;
  }

  /** Stops forwarding and parsing (the call was refused): the rest of the request is read and dropped. */
  discard(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.body.destroyed) this.body.destroy();
    this.stopParser();
    this.endWith({ kind: 'discarded' });
    this.req.resume();
  }
}

/** Resolves on 'drain', or when the stream can no longer drain (closed): never left pending. */
function drained(stream: NodeJS.WritableStream & { once(event: string, listener: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
  });
}

import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { RecordUsageFields, UsageSource } from '../usage/recording/usage-event.js';

/**
 * The gateway's durable local queue: what makes "a call the provider answered is recorded
 * exactly once" hold when the database is down or the process is killed.
 *
 * For each call, before the provider is asked, an `intent` line (the tenant, the request id and
 * an estimate of the units) is appended and synced to disk; after the answer, a `usage` line with
 * the units the provider reported; once the recorder committed it, a `done` line. Recording is
 * idempotent by (tenant, requestId), so a line replayed twice counts once. A line whose call never
 * got `done` is replayed: with its `usage` when it has one, else from its intent as an estimate
 * (the process died while the provider was answering). On start, an instance replays the files
 * left by processes that are no longer running; while running, it retries its own undone calls
 * every few seconds, and `depth` (on /metrics and /healthz) says how many wait.
 *
 * Appends that arrive together share one fdatasync (about 0.5 ms here), so the intent costs one
 * sync per burst, not per call.
 */
export interface JournalEvent {
  tenantId: string;
  source: UsageSource;
  fields: RecordUsageFields;
}

type Line =
  | ({ t: 'intent'; at: string } & JournalEvent)
  | ({ t: 'usage' } & JournalEvent)
  | { t: 'done'; tenantId: string; requestId: string };

export type RecordJournalEvent = (event: JournalEvent) => Promise<'recorded' | 'retry'>;

interface Entry {
  intent?: JournalEvent;
  usage?: JournalEvent;
  /** The recorder could not take it yet (database unavailable): retried by the timer. */
  waiting: boolean;
}

const FILE = /^gateway-journal-(\d+)-(\d+)\.log$/;
const ROTATE_BYTES = 4 * 1024 * 1024;
const RETRY_MS = 2_000;

export class UsageJournal {
  private handle: FileHandle | undefined;
  private path = '';
  private bytes = 0;
  private readonly open = new Map<string, Entry>();
  private queued: Buffer[] = [];
  private syncs: (() => void)[] = [];
  private failures: ((error: Error) => void)[] = [];
  private flushing = false;
  private timer: NodeJS.Timeout | undefined;
  private record: RecordJournalEvent | undefined;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /** Calls that are not yet in the database. */
  get depth(): number {
    let waiting = 0;
    for (const entry of this.open.values()) if (entry.waiting) waiting++;
    return waiting;
  }

  async start(record: RecordJournalEvent): Promise<void> {
    this.record = record;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    await this.openFile();
    await this.replayLeftovers();
    this.timer = setInterval(() => void this.retryWaiting(), RETRY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
    openedHere.delete(this.path);
  }

  /** Before the provider is called: resolves once the intent is on disk. */
  async intent(event: JournalEvent): Promise<void> {
    this.open.set(keyOf(event), { intent: event, waiting: false });
    await this.append({ t: 'intent', at: new Date().toISOString(), ...event }, true);
  }

  /**
   * After the provider answered: the units to record. Synced in the background (the answer does
   * not wait for the disk); recorded now, or kept for the retry timer when the database is away.
   */
  async usage(event: JournalEvent): Promise<'recorded' | 'retry'> {
    const key = keyOf(event);
    const entry = this.open.get(key) ?? { waiting: false };
    entry.usage = event;
    this.open.set(key, entry);
    void this.append({ t: 'usage', ...event }, true).catch((error: Error) => this.logger.error({ err: error.message }, 'gateway journal write failed'));
    return this.tryRecord(key, entry, event);
  }

  /** The provider was never reached (refused, unreachable before sending): nothing to record. */
  forget(tenantId: string, requestId: string): void {
    this.open.delete(`${tenantId}|${requestId}`);
    void this.append({ t: 'done', tenantId, requestId }, false).catch(() => undefined);
  }

  private async tryRecord(key: string, entry: Entry, event: JournalEvent): Promise<'recorded' | 'retry'> {
    const outcome = await this.record!(event).catch((error: Error) => {
      this.logger.error({ err: error.message }, 'gateway usage could not be recorded; kept in the journal');
      return 'retry' as const;
    });
    if (outcome === 'recorded') {
      this.open.delete(key);
      void this.append({ t: 'done', tenantId: event.tenantId, requestId: event.fields.requestId }, false).catch(() => undefined);
    } else {
      entry.waiting = true;
    }
    return outcome;
  }

  private async retryWaiting(): Promise<void> {
    for (const [key, entry] of [...this.open]) {
      if (!entry.waiting) continue;
      const event = entry.usage ?? estimateFromIntent(entry.intent!);
      if ((await this.tryRecord(key, entry, event)) === 'retry') return; // still down: try again later
    }
    await this.rotateIfIdle();
  }

  /** Files of processes that are gone: every call in them without `done` is recorded now. */
  private async replayLeftovers(): Promise<void> {
    for (const name of readdirSync(this.dir)) {
      const match = FILE.exec(name);
      const path = join(this.dir, name);
      if (!match || openedHere.has(path) || (Number(match[1]) !== process.pid && processAlive(Number(match[1])))) continue;
      const entries = parseJournal(readFileSync(path, 'utf8'));
      let replayed = 0;
      for (const [key, entry] of entries) {
        // Moved into this instance's journal first, so a crash during the replay loses nothing.
        const event = entry.usage ?? estimateFromIntent(entry.intent!);
        this.open.set(key, { usage: event, waiting: true });
        await this.append({ t: 'usage', ...event }, true);
        replayed++;
      }
      unlinkSync(path);
      if (replayed > 0) this.logger.warn({ file: name, calls: replayed }, 'gateway journal: replaying calls left by a stopped process');
    }
    await this.retryWaiting();
  }

  private async openFile(): Promise<void> {
    this.path = join(this.dir, `gateway-journal-${process.pid}-${Date.now()}.log`);
    this.handle = await open(this.path, 'a', 0o600);
    openedHere.add(this.path);
    this.bytes = 0;
  }

  /** A fresh file once every call of the current one is done: the journal never grows without bound. */
  private async rotateIfIdle(): Promise<void> {
    if (this.bytes < ROTATE_BYTES || this.open.size > 0 || this.flushing || this.queued.length > 0) return;
    const old = this.handle;
    const oldPath = this.path;
    await this.openFile();
    await old?.close();
    unlinkSync(oldPath);
    openedHere.delete(oldPath);
  }

  private append(line: Line, sync: boolean): Promise<void> {
    this.queued.push(Buffer.from(`${JSON.stringify(line)}\n`, 'utf8'));
    const done = new Promise<void>((resolve, reject) => {
      if (sync) {
        this.syncs.push(resolve);
        this.failures.push(reject);
      } else {
        resolve();
      }
    });
    if (!this.flushing) setImmediate(() => void this.flush());
    return done;
  }

  /** Writes everything queued and syncs once for all of it. */
  private async flush(): Promise<void> {
    if (this.flushing || this.queued.length === 0 || !this.handle) return;
    this.flushing = true;
    const buffers = this.queued;
    const syncs = this.syncs;
    const failures = this.failures;
    this.queued = [];
    this.syncs = [];
    this.failures = [];
    try {
      const data = Buffer.concat(buffers);
      await this.handle.write(data);
      this.bytes += data.length;
      if (syncs.length > 0) await this.handle.datasync();
      for (const resolve of syncs) resolve();
    } catch (error) {
      for (const reject of failures) reject(error as Error);
    } finally {
      this.flushing = false;
      if (this.queued.length > 0) setImmediate(() => void this.flush());
    }
  }
}

const keyOf = (event: JournalEvent) => `${event.tenantId}|${event.fields.requestId}`;

/** Calls of a journal file that never got `done`, with what is known of each. */
export function parseJournal(text: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue; // a torn last line (killed mid-write) was never synced: its call was not started
    }
    if (line.t === 'done') {
      entries.delete(`${line.tenantId}|${line.requestId}`);
      continue;
    }
    const key = `${line.tenantId}|${line.fields.requestId}`;
    const entry = entries.get(key) ?? { waiting: true };
    const event: JournalEvent = { tenantId: line.tenantId, source: line.source, fields: reviveDates(line.fields) };
    if (line.t === 'intent') entry.intent = event;
    else entry.usage = event;
    entries.set(key, entry);
  }
  return entries;
}

function reviveDates(fields: RecordUsageFields): RecordUsageFields {
  return { ...fields, occurredAt: fields.occurredAt ? new Date(fields.occurredAt) : null };
}

/**
 * A call whose process died while the provider answered: recorded from its intent, as an ERROR
 * with the units estimated before the call (the provider may have billed them), and said so.
 */
export function estimateFromIntent(intent: JournalEvent): JournalEvent {
  return {
    tenantId: intent.tenantId,
    source: 'GATEWAY_ESTIMATED',
    fields: { ...intent.fields, status: 'ERROR', metadata: { ...(intent.fields.metadata as object), gateway: 'interrupted: the server stopped before the provider answered' } },
  };
}

/**
 * Journal files this process has open. Another file with this process's id is a leftover of an
 * earlier process that had the same id (a restarted container often does).
 */
const openedHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

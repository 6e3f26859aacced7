// Append-only write-ahead log with group commit: every record is written and fdatasync'd before
// the promise for it resolves. The disk work runs off the event loop (libuv's thread pool), so
// requests, watches and an in-process controller keep running while the disk syncs; records
// appended meanwhile share the next fdatasync.
import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  write,
  writeSync,
} from 'node:fs';
import { promisify } from 'node:util';
import type { KObj } from '../util/kobj.js';

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);

export interface WalRecord {
  rv: number;
  op: 'put' | 'del';
  gr: string;
  ns: string;
  name: string;
  obj?: KObj;
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class Wal {
  private fd: number;
  private pending: Pending[] = [];
  private scheduled = false;
  private flushing = false;
  private idleWaiters: (() => void)[] = [];
  records = 0;

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Reads every complete record; a torn last line (crash mid-write) is ignored. */
  static read(path: string): WalRecord[] {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return [];
    }
    const out: WalRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as WalRecord);
      } catch {
        break;
      }
    }
    return out;
  }

  append(rec: WalRecord): Promise<void> {
    this.records++;
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(rec) + '\n', resolve, reject });
      if (!this.scheduled && !this.flushing) {
        this.scheduled = true;
        setImmediate(() => void this.flushAsync());
      }
    });
  }

  /** Writes and syncs batches off the event loop until nothing is pending. */
  private async flushAsync(): Promise<void> {
    this.scheduled = false;
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length) {
        const batch = this.pending;
        this.pending = [];
        try {
          const buf = Buffer.from(batch.map((p) => p.line).join(''));
          let off = 0;
          while (off < buf.length)
            off += (await writeAsync(this.fd, buf, off, buf.length - off, null)).bytesWritten;
          await fdatasyncAsync(this.fd);
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.flushing = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves when no batch is being written, so the log may be written synchronously. */
  idle(): Promise<void> {
    if (!this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes what is pending now, on the event loop. Only call after `idle()`. */
  flushSync(): void {
    if (this.flushing) throw new Error('the write-ahead log is being written; await idle() first');
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const buf = Buffer.from(batch.map((p) => p.line).join(''));
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off);
      fdatasyncSync(this.fd);
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  /** Empties the log once a snapshot covers everything in it. */
  truncate(): void {
    this.flushSync();
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.records = 0;
  }

  close(): void {
    this.flushSync();
    closeSync(this.fd);
  }
}

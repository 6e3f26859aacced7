// Append-only write-ahead log with group commit: every record is written and fdatasync'd before
// the promise for it resolves, and records appended in the same tick share one fdatasync.
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import type { KObj } from '../util/kobj.js';

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
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
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
    this.flush();
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.records = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

// Whole-state snapshots written atomically (temp file, fsync, rename, fsync of the directory).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KObj } from '../util/kobj.js';

export interface Snapshot {
  rv: number;
  objects: [gr: string, obj: KObj][];
}

export function readSnapshot(path: string): Snapshot {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return { rv: 0, objects: [] };
  }
}

export function writeSnapshot(path: string, snap: Snapshot): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(snap));
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
  const dfd = openSync(dirname(path), 'r');
  fsyncSync(dfd);
  closeSync(dfd);
}

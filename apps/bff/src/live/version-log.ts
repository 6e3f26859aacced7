import { randomBytes } from 'node:crypto';

interface Entry<D> {
  version: string;
  previousVersion: string;
  delta: D;
}

/**
 * Versions of one room: `<room instance>.<counter>`, opaque to clients. Keeps the last `capacity`
 * deltas so a reconnecting client can resume; a version from another room instance (a restart,
 * another replica, a reset) or older than the log cannot resume and gets a snapshot instead.
 */
export class VersionLog<D> {
  private instance = randomBytes(6).toString('hex');
  private counter = 0;
  private entries: Entry<D>[] = [];

  constructor(private readonly capacity = 200) {}

  get version(): string {
    return `${this.instance}.${this.counter}`;
  }

  /** Records a delta; returns its version and the version it follows. */
  append(make: (version: string, previousVersion: string) => D): D {
    const previousVersion = this.version;
    this.counter += 1;
    const delta = make(this.version, previousVersion);
    this.entries.push({ version: this.version, previousVersion, delta });
    if (this.entries.length > this.capacity) this.entries.shift();
    return delta;
  }

  /** Deltas after `version`, or undefined when that version cannot be resumed from here. */
  since(version: string): D[] | undefined {
    if (version === this.version) return [];
    const i = this.entries.findIndex((e) => e.previousVersion === version);
    return i === -1 ? undefined : this.entries.slice(i).map((e) => e.delta);
  }

  /** Forgets everything: every client must take a new snapshot. */
  reset(): void {
    this.instance = randomBytes(6).toString('hex');
    this.counter = 0;
    this.entries = [];
  }
}

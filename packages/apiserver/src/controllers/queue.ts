// A serial work queue for the built-in controllers: tasks run one at a time, in order, and
// failures are logged (controllers re-derive state from the store, so a lost task heals on the
// next related event or restart).
import { ApiError } from '../errors/status.js';

export class WorkQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  add(name: string, task: () => Promise<void>): void {
    this.pending++;
    this.tail = this.tail
      .then(() => withRetry(task))
      .catch((err: unknown) => {
        if (err instanceof ApiError && (err.code === 404 || err.code === 409)) return;
        console.error(`[apiserver] controller task ${name} failed:`, err);
      })
      .finally(() => {
        this.pending--;
      });
  }

  /** Resolves once every queued task (including ones queued meanwhile) has finished. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}

async function withRetry(task: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await task();
      return;
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 409 && err.reason === 'Conflict') || i >= 4)
        throw err;
    }
  }
}

import type { Page } from '@playwright/test';

/**
 * Everything the app sent the browser during a test: every HTTP response body and every
 * websocket frame (both ways), so a test can prove a secret never travelled back.
 */
export function recordTraffic(page: Page): {
  search(secret: string): string[];
  done(): Promise<void>;
} {
  const bodies: Promise<string>[] = [];
  const frames: string[] = [];
  page.on('response', (res) => {
    bodies.push(
      res.body().then(
        (b) => `${res.url()}\n${b.toString('utf8')}`,
        () => '',
      ),
    );
  });
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => frames.push(String(f.payload)));
    ws.on('framesent', (f) => frames.push(String(f.payload)));
  });
  let all: string[] = [];
  return {
    async done() {
      all = [...(await Promise.all(bodies)), ...frames];
    },
    search(secret: string) {
      const b64 = Buffer.from(secret).toString('base64');
      return all.filter((t) => t.includes(secret) || t.includes(b64)).map((t) => t.slice(0, 200));
    },
  };
}

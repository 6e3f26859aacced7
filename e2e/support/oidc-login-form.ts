import type { IncomingMessage } from 'node:http';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The test provider's sign-in page: one email field, posted back to the same interaction. */
export function loginForm(uid: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><title>Test identity provider</title></head>
<body><main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<label for="email">Email</label> <input id="email" name="email" type="email" required>
<button type="submit">Continue</button>
</form>
</main></body></html>`;
}

/** Reads an urlencoded form body. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

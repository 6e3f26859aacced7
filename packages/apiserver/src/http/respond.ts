// Writing JSON responses and Status errors.
import type { ServerResponse } from 'node:http';
import { ApiError, errors } from '../errors/status.js';

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  warnings: string[] = [],
  contentType = 'application/json',
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    'Content-Length': String(Buffer.byteLength(text)),
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - "${w.replace(/"/g, "'")}"`);
  res.writeHead(code, headers);
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const e =
    err instanceof ApiError
      ? err
      : errors.internal(err instanceof Error ? err.message : String(err));
  if (!(err instanceof ApiError)) console.error('[apiserver] internal error', err);
  sendJson(res, e.code, e.toStatus());
}

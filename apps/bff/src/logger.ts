import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

const REDACT = { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true };

/**
 * JSON lines for log collectors; readable, coloured lines when a person watches a terminal
 * (`npm start`). Both carry the same fields.
 */
export function createLogger(level: string, tty = process.stdout.isTTY === true): Logger {
  const opts = { level, base: { service: 'wharf-bff' }, redact: REDACT };
  if (!tty) return pino(opts);
  return pino(
    opts,
    pretty({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      singleLine: true,
      sync: true,
    }),
  );
}

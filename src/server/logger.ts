import pino, { type Logger } from 'pino';

/** Structured logging, one child logger per component (`component` field). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'pgsqlite' } }, pino.destination({ fd: 2, sync: false }));
}

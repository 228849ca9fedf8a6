// pino options shared by the HTTP server and the worker: structured, with secrets redacted.
import type { LoggerOptions } from 'pino';

export function buildLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}

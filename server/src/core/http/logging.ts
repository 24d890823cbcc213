import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The server's logger. Redaction is a second line of defence: code never logs secrets on purpose,
 * and any object key that names one is censored if it slips in (test/secrets.test.ts greps the
 * captured output for planted canaries).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'usage-monitor' },
    redact: {
      paths: [
        '*.authorization',
        '*.password',
        '*.token',
        '*.key',
        '*.secret',
        'authorization',
        'password',
        'token',
        'key',
        'secret',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

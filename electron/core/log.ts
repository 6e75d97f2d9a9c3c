import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Logs never carry secrets or personal data: these keys are censored wherever they appear
 * (two levels deep covers call inputs and documents).
 */
const SENSITIVE = ['password', 'pin', 'passwordHash', 'pinHash', 'code', 'token', 'email', 'phone', 'address', 'name', 'hash'];
const redactPaths = SENSITIVE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    { level: options.level ?? process.env.FRONTDESK_LOG_LEVEL ?? 'info', redact: { paths: redactPaths, censor: '[redacted]' }, base: undefined },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

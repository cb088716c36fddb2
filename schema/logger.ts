import { maskDigits, redactFields } from './pii.js';

/**
 * A JSON-lines logger. Every line is redacted on the way out (runs of 8+ digits masked to their last 3), so a
 * citizen ID or account number inside an error message, SQL text or field never reaches a log in clear.
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Writes one JSON object per line to a stream; `silent` drops everything (tests). */
export function createLogger(name: string, sink: { write(s: string): unknown } | 'silent' = process.stderr): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (sink === 'silent') return;
    const safe = fields === undefined ? {} : (redactFields(fields) as Record<string, unknown>);
    sink.write(JSON.stringify({ t: new Date().toISOString(), level, name, msg: maskDigits(msg), ...safe }) + '\n');
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** Describes an error for the log: name, code and message, causes followed, no stack of agency bodies. */
export function describeError(error: unknown): Record<string, unknown> {
  const out: Record<string, unknown>[] = [];
  let e: unknown = error;
  for (let i = 0; e && i < 5; i++) {
    if (e instanceof Error) {
      out.push({ name: e.name, message: e.message, code: (e as { code?: unknown }).code, stack: e.stack?.split('\n').slice(1, 4).join(' | ') });
      e = (e as { cause?: unknown; originalError?: unknown }).originalError ?? e.cause;
    } else {
      out.push({ value: String(e) });
      break;
    }
  }
  return { error: out };
}

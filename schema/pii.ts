import type { Logger } from './logger.js';

// Eight or more digits in a row: citizen IDs (12), bank and e-wallet account numbers (8–19); full-width digits
// (U+FF10–FF19) spell the same IDs. Shorter runs are area codes, BINs, ports and dates, which help reading a log.
// UUIDs (request ids) are matched first and kept whole, so a request id stays searchable in the log.
const SENSITIVE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{8,}|[\uFF10-\uFF19]{8,}/gi;

/** Masks every long run of digits but its last 3: '038050000101' → '*********101'. */
export function maskDigits(text: string): string {
  return text.replace(SENSITIVE, (run) => (run.length === 36 && run.includes('-') ? run : '*'.repeat(run.length - 3) + run.slice(-3)));
}

/** A deep copy of log fields with every string masked (keys included); depth-limited against cycles. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskDigits(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e7) return maskDigits(String(value));
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  if (value instanceof Error) return redactFields({ name: value.name, message: value.message }, depth + 1);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[maskDigits(k)] = redactFields(v, depth + 1);
  return out;
}

/** Wraps a logger so no line it writes carries a citizen ID or an account number in clear. */
export function redactingLogger(logger: Logger): Logger {
  const wrap = (level: keyof Logger) => (msg: string, fields?: Record<string, unknown>) =>
    logger[level](maskDigits(msg), fields === undefined ? undefined : (redactFields(fields) as Record<string, unknown>));
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

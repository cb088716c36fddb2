import type { AuditOutcome } from './audit-event.js';

/** What the outcome of an operation is read from: the HTTP status and the GraphQL response. */
export interface AnsweredOperation {
  readonly status: number;
  /** The response's `data`: undefined when there was none, null when execution nulled it. */
  readonly data?: unknown;
  readonly errors?: readonly { readonly path?: readonly (string | number)[] | undefined; readonly extensions?: Readonly<Record<string, unknown>> | undefined }[] | undefined;
  /** Response keys of the operation's root fields (`__typename` aside). */
  readonly rootKeys: readonly string[];
}

const codeOf = (e: { readonly extensions?: Readonly<Record<string, unknown>> | undefined }): unknown => e.extensions?.code;

/**
 * The outcome of scopes.md §Audit: DENIED for 401, 429 or when every root field was forbidden; ERROR for refusals
 * as malformed, too large or too complex (4xx) and for 5xx; PARTIAL for data with errors; OK otherwise.
 */
export function auditOutcome(answer: AnsweredOperation): AuditOutcome {
  const errors = answer.errors ?? [];
  if (answer.status === 401 || answer.status === 429) return 'DENIED';
  const forbidden = errors.filter((e) => codeOf(e) === 'FORBIDDEN');
  const rootForbidden = new Set(forbidden.filter((e) => e.path?.length === 1).map((e) => String(e.path![0])));
  const everyRootForbidden =
    answer.rootKeys.length > 0 ? answer.rootKeys.every((k) => rootForbidden.has(k)) : forbidden.length > 0 && forbidden.length === errors.length;
  if (errors.length > 0 && everyRootForbidden) return 'DENIED';
  if (answer.status >= 400) return 'ERROR';
  if (answer.data === undefined || answer.data === null) {
    // No data at all: refused before or during execution as a whole (an introspection refusal is all FORBIDDEN).
    return errors.length > 0 && forbidden.length === errors.length ? 'DENIED' : 'ERROR';
  }
  return errors.length > 0 ? 'PARTIAL' : 'OK';
}

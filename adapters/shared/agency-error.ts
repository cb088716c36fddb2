/** The closed set of ways an agency call can fail. */
export type AgencyErrorCode = 'UNAVAILABLE' | 'TIMEOUT' | 'NOT_FOUND' | 'REJECTED';

/** Base of every error an adapter throws: a code, the agency, and the original as `cause`. */
export class AgencyError extends Error {
  override readonly name: string = 'AgencyError';
  constructor(
    readonly code: AgencyErrorCode,
    readonly agency: string,
    message: string,
    options?: { cause?: unknown; agencyCode?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.agencyCode = options?.agencyCode;
  }
  /** The agency's own error code, when it sent one (e.g. a bank's '42'). */
  readonly agencyCode: string | undefined;
}

/** The agency did not answer usefully: network failure, 5xx, or its circuit is open. */
export class AgencyUnavailableError extends AgencyError {
  override readonly name = 'AgencyUnavailableError';
  constructor(agency: string, message: string, options?: { cause?: unknown }) {
    super('UNAVAILABLE', agency, message, options);
  }
}

/** The agency did not answer within the configured time. */
export class AgencyTimeoutError extends AgencyError {
  override readonly name = 'AgencyTimeoutError';
  constructor(agency: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('TIMEOUT', agency, `no answer within ${timeoutMs} ms`, options);
  }
}

/** The agency holds no such record. */
export class AgencyNotFoundError extends AgencyError {
  override readonly name = 'AgencyNotFoundError';
  constructor(agency: string, message: string, options?: { cause?: unknown; agencyCode?: string }) {
    super('NOT_FOUND', agency, message, options);
  }
}

/** The agency refused the request (4xx other than 404), with its own code when it gave one. */
export class AgencyRejectedError extends AgencyError {
  override readonly name = 'AgencyRejectedError';
  constructor(agency: string, message: string, options?: { cause?: unknown; agencyCode?: string }) {
    super('REJECTED', agency, message, options);
  }
}

/** True for an error an adapter threw on purpose. */
export const isAgencyError = (e: unknown): e is AgencyError => e instanceof AgencyError;

import { describe, expect, test } from 'vitest';
import { auditOutcome } from './audit-outcome.js';

const err = (code: string, path?: (string | number)[]) => ({ ...(path ? { path } : {}), extensions: { code } });

describe('auditOutcome', () => {
  test('401 and 429 are DENIED', () => {
    expect(auditOutcome({ status: 401, errors: [err('UNAUTHENTICATED')], rootKeys: [] })).toBe('DENIED');
    expect(auditOutcome({ status: 429, errors: [err('RATE_LIMITED')], rootKeys: [] })).toBe('DENIED');
  });

  test('malformed, too large, too complex and 5xx are ERROR', () => {
    for (const [status, code] of [
      [400, 'GRAPHQL_PARSE_FAILED'],
      [400, 'GRAPHQL_VALIDATION_FAILED'],
      [400, 'BAD_USER_INPUT'],
      [400, 'QUERY_TOO_COMPLEX'],
      [405, 'BAD_USER_INPUT'],
      [413, 'QUERY_TOO_COMPLEX'],
      [415, 'BAD_USER_INPUT'],
      [500, 'INTERNAL_SERVER_ERROR'],
      [503, 'INTERNAL_SERVER_ERROR'],
    ] as const) {
      expect(auditOutcome({ status, errors: [err(code)], rootKeys: ['beneficiary'] })).toBe('ERROR');
    }
  });

  test('every root field forbidden is DENIED; some forbidden is PARTIAL', () => {
    const data = { beneficiary: null, viewer: null };
    expect(auditOutcome({ status: 200, data, errors: [err('FORBIDDEN', ['beneficiary']), err('FORBIDDEN', ['v'])], rootKeys: ['beneficiary', 'v'] })).toBe('DENIED');
    expect(auditOutcome({ status: 200, data, errors: [err('FORBIDDEN', ['beneficiary'])], rootKeys: ['beneficiary', 'v'] })).toBe('PARTIAL');
    // A forbidden nested field leaves its root answered.
    expect(auditOutcome({ status: 200, data, errors: [err('FORBIDDEN', ['beneficiary', 'citizen'])], rootKeys: ['beneficiary'] })).toBe('PARTIAL');
  });

  test('data with errors is PARTIAL, without errors OK; no data at all is ERROR unless all forbidden', () => {
    expect(auditOutcome({ status: 200, data: { b: 1 }, errors: [err('SOURCE_UNAVAILABLE', ['b', 'c'])], rootKeys: ['b'] })).toBe('PARTIAL');
    expect(auditOutcome({ status: 200, data: { b: 1 }, rootKeys: ['b'] })).toBe('OK');
    expect(auditOutcome({ status: 200, data: { __typename: 'Query' }, errors: [], rootKeys: [] })).toBe('OK');
    expect(auditOutcome({ status: 200, data: null, errors: [err('INTERNAL_SERVER_ERROR', ['viewer'])], rootKeys: ['viewer'] })).toBe('ERROR');
    expect(auditOutcome({ status: 200, data: null, errors: [err('FORBIDDEN', ['__schema'])], rootKeys: ['__schema'] })).toBe('DENIED');
  });
});

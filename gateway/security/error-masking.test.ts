import { GraphQLError } from 'graphql';
import { describe, expect, test } from 'vitest';
import { errorBody, errorMaskingPlugin, formatPublicError, GENERIC_MESSAGES, publicCode, sanitizeMessage } from './error-masking.js';

describe('publicCode', () => {
  test('public codes pass; Apollo client codes map onto public ones; anything else is internal', () => {
    expect(publicCode('FORBIDDEN')).toBe('FORBIDDEN');
    expect(publicCode('BAD_REQUEST')).toBe('BAD_USER_INPUT');
    expect(publicCode('OPERATION_RESOLUTION_FAILURE')).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const code of ['DOWNSTREAM_SERVICE_ERROR', 'ECONNREFUSED', undefined, 42]) expect(publicCode(code)).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('sanitizeMessage', () => {
  test('internal errors always read the generic text', () => {
    expect(sanitizeMessage('INTERNAL_SERVER_ERROR', 'Cannot read properties of undefined')).toBe(GENERIC_MESSAGES.INTERNAL_SERVER_ERROR);
  });

  test('cuts the rejected values graphql-js echoes', () => {
    expect(sanitizeMessage('BAD_USER_INPUT', 'Variable "$id" got invalid value "03805000010"; CitizenId must be 12 ASCII digits')).toBe(
      'Variable "$id" got an invalid value; CitizenId must be 12 ASCII digits',
    );
    expect(sanitizeMessage('BAD_USER_INPUT', 'Variable "$ids" got invalid value "０３８" at "ids[1]"; CitizenId must be 12 ASCII digits')).toBe(
      'Variable "$ids" got an invalid value at "ids[1]"; CitizenId must be 12 ASCII digits',
    );
    expect(sanitizeMessage('GRAPHQL_VALIDATION_FAILED', 'Expected value of type "CitizenId!", found "0380500001011"; CitizenId must be a string')).toBe(
      'Expected value of type "CitizenId!", found an invalid value; CitizenId must be a string',
    );
    expect(sanitizeMessage('GRAPHQL_VALIDATION_FAILED', 'Expected value of type "Int", found "038050000101".')).toBe('Expected value of type "Int", found an invalid value.');
    expect(sanitizeMessage('BAD_USER_INPUT', 'String cannot represent a non string value: 38050000101')).toBe('String cannot represent a non string value.');
  });

  test('replaces messages carrying stack traces, SQL, URLs, addresses or paths', () => {
    const leaks = [
      'boom\n    at Object.<anonymous> (/srv/app/dist/x.js:10:5)',
      'failed at fetchPeople (file:///srv/app/people.js:12:3)',
      'select * from citizens where id = 038050000101',
      'insert into "audit"."audit_event" values (1)',
      'syntax error at or near "from"',
      'SQLITE_BUSY: database is locked',
      'upstream http://10.0.0.5:8080/internal/people failed',
      'connect ECONNREFUSED 10.1.2.3:5432',
      'ENOENT: no such file /var/lib/asxh/keys/private.jwk',
      'x'.repeat(500),
    ];
    for (const message of leaks) expect(sanitizeMessage('SOURCE_UNAVAILABLE', message)).toBe(GENERIC_MESSAGES.SOURCE_UNAVAILABLE);
  });

  test('leaves ordinary client-facing messages, masking any long digit run', () => {
    expect(sanitizeMessage('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "benificiary" on type "Query".')).toBe('Cannot query field "benificiary" on type "Query".');
    expect(sanitizeMessage('GRAPHQL_PARSE_FAILED', 'Syntax Error: Unexpected Int "038050000101".')).toBe('Syntax Error: Unexpected Int "*********101".');
  });
});

describe('formatPublicError', () => {
  test('keeps code, safe message, path and locations; the source only for SOURCE_UNAVAILABLE; drops every other extension', () => {
    expect(
      formatPublicError({
        message: 'POPULATION is unavailable',
        path: ['beneficiary', 'citizen'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'SOURCE_UNAVAILABLE', source: 'POPULATION', stacktrace: ['at x (/a/b.js:1:1)'], http: { status: 500 } },
      }),
    ).toEqual({
      message: 'POPULATION is unavailable',
      path: ['beneficiary', 'citizen'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' },
    });
    expect(formatPublicError({ message: 'x', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'http://10.0.0.1/' } })).toEqual({
      message: 'x',
      extensions: { code: 'SOURCE_UNAVAILABLE' },
    });
    expect(formatPublicError({ message: 'relation "audit_event" does not exist', path: ['auditEvents'], extensions: { code: 'SOMETHING' } })).toEqual({
      message: GENERIC_MESSAGES.INTERNAL_SERVER_ERROR,
      path: ['auditEvents'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('errorBody', () => {
  test('one error with the code and the request id', () => {
    expect(errorBody('RATE_LIMITED', 'req-1')).toEqual({ errors: [{ message: GENERIC_MESSAGES.RATE_LIMITED, extensions: { code: 'RATE_LIMITED', requestId: 'req-1' } }] });
    expect(errorBody('FORBIDDEN', 'req-2', 'Not allowed', ['__schema'])).toEqual({
      errors: [{ message: 'Not allowed', path: ['__schema'], extensions: { code: 'FORBIDDEN', requestId: 'req-2' } }],
    });
  });
});

describe('errorMaskingPlugin', () => {
  test('logs originals of masked errors with the request id, others by code only, and stamps the request id', async () => {
    const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
    const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push([level, msg, fields]);
    let masked = 0;
    const plugin = errorMaskingPlugin({ info: log('info'), warn: log('warn'), error: log('error') }, () => masked++);
    const hooks = (await plugin.requestDidStart!({} as never))!;
    const contextValue = { requestId: 'req-9' };
    await hooks.didEncounterErrors!({
      contextValue,
      errors: [
        new GraphQLError('Internal', { path: ['a'], originalError: new Error('select * from secrets') }),
        new GraphQLError('POPULATION is unavailable', { path: ['b'], extensions: { code: 'SOURCE_UNAVAILABLE', source: 'POPULATION' } }),
        new GraphQLError('Variable "$id" got invalid value "03805"', { extensions: { code: 'BAD_USER_INPUT' } }),
      ],
    } as never);
    expect(masked).toBe(1);
    expect(lines.map(([level, msg, fields]) => [level, msg, fields?.requestId, fields?.code])).toEqual([
      ['error', 'masked error', 'req-9', undefined],
      ['warn', 'source unavailable', 'req-9', undefined],
      ['info', 'operation error', 'req-9', 'BAD_USER_INPUT'],
    ]);
    expect(JSON.stringify(lines[0]![2])).toContain('select * from secrets');
    expect(JSON.stringify(lines[2])).not.toContain('03805');

    const response = { body: { kind: 'single', singleResult: { data: null, errors: [{ message: 'm', extensions: { code: 'FORBIDDEN' } }] } } };
    await hooks.willSendResponse!({ contextValue, response } as never);
    expect(response.body.singleResult.errors).toEqual([{ message: 'm', extensions: { code: 'FORBIDDEN', requestId: 'req-9' } }]);
  });
});

import { describe, expect, test } from 'vitest';
import { maskDigits, redactFields, redactingLogger } from './pii.js';

describe('maskDigits', () => {
  test('masks citizen IDs and account numbers but their last 3 digits, ASCII or full-width', () => {
    expect(maskDigits('id 038050000101 acct 19036281930011')).toBe('id *********101 acct ***********011');
    expect(maskDigits('０３８０５００００１０１')).toBe('*********１０１');
  });

  test('keeps what is not personal: area codes, BINs, dates, ports, request ids', () => {
    const text = 'area 16216 bin 970415 on 2026-10-05 at http://127.0.0.1:4102 req 12345678-1234-4234-8234-123456789012';
    expect(maskDigits(text)).toBe(text);
  });
});

describe('redactFields', () => {
  test('walks objects, arrays, errors and keys; leaves other values', () => {
    expect(
      redactFields({
        citizenId: '038050000101',
        list: ['001160000808', 5, true, null],
        nested: { ['038050000101']: { deep: 'acct 1903628193' } },
        error: new Error('lookup of 038050000101 failed'),
        big: 38050000101,
      }),
    ).toEqual({
      citizenId: '*********101',
      list: ['*********808', 5, true, null],
      nested: { '*********101': { deep: 'acct *******193' } },
      error: { name: 'Error', message: 'lookup of *********101 failed' },
      big: '********101',
    });
  });
});

describe('redactingLogger', () => {
  test('no line it writes carries the IDs in clear', () => {
    const lines: string[] = [];
    const sink = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ level, msg, ...fields }));
    const logger = redactingLogger({ info: sink('info'), warn: sink('warn'), error: sink('error') });
    logger.error('failed for 038050000101', { cause: { message: 'account 1903628193001 closed' } });
    logger.info('ok');
    expect(lines).toEqual([
      JSON.stringify({ level: 'error', msg: 'failed for *********101', cause: { message: 'account **********001 closed' } }),
      JSON.stringify({ level: 'info', msg: 'ok' }),
    ]);
  });
});

describe('createLogger', () => {
  test('redacts every line it writes, whoever calls it (subgraphs included)', async () => {
    const { createLogger } = await import('./logger.js');
    const lines: string[] = [];
    const logger = createLogger('accounts', { write: (s: string) => lines.push(s) });
    logger.error("insert failed: duplicate key ('038191884039', '107734673948')", { error: [{ message: "select * where id in ('038191884040')" }] });
    const line = JSON.parse(lines[0]!);
    expect([line.msg, line.error[0].message]).toEqual(["insert failed: duplicate key ('*********039', '*********948')", "select * where id in ('*********040')"]);
  });
});

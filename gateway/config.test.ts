import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.js';

const DEV = { GATEWAY_MODE: 'development', DATA_DIR: '/tmp/asxh' };

describe('gateway config: security settings', () => {
  test('defaults are the limits of scopes.md and the audit store beside the data', () => {
    const config = loadConfig(DEV);
    expect(config.limits).toEqual({ maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxTokens: 2000, maxBodyBytes: 102_400 });
    expect(config.rateLimit).toEqual({ perClient: 600, authFailuresPerAddress: 600, windowMs: 60_000, redisPrefix: 'asxh:ratelimit:', redisTimeoutMs: 500 });
    expect(config.audit).toEqual({ schema: 'audit', sqlitePath: '/tmp/asxh/audit.sqlite' });
    expect(config.redisUrl).toBeUndefined();
  });

  test('every limit is configurable', () => {
    const config = loadConfig({
      ...DEV,
      LIMIT_MAX_DEPTH: '5',
      LIMIT_MAX_ALIASES: '0',
      LIMIT_MAX_DIRECTIVES: '2',
      LIMIT_MAX_TOKENS: '300',
      LIMIT_MAX_BODY_BYTES: '2048',
      RATE_LIMIT_PER_CLIENT: '10',
      RATE_LIMIT_AUTH_FAILURES: '3',
      RATE_LIMIT_WINDOW_MS: '1000',
      RATE_LIMIT_REDIS_PREFIX: 't:',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_TIMEOUT_MS: '100',
      AUDIT_DB_SCHEMA: 'audit_b',
      AUDIT_SQLITE_PATH: '/var/audit.sqlite',
    });
    expect(config.limits).toEqual({ maxDepth: 5, maxAliases: 0, maxDirectives: 2, maxTokens: 300, maxBodyBytes: 2048 });
    expect(config.rateLimit).toEqual({ perClient: 10, authFailuresPerAddress: 3, windowMs: 1000, redisPrefix: 't:', redisTimeoutMs: 100 });
    expect(config.audit).toEqual({ schema: 'audit_b', sqlitePath: '/var/audit.sqlite' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  test('refuses nonsense', () => {
    for (const bad of [{ LIMIT_MAX_DEPTH: '0' }, { RATE_LIMIT_PER_CLIENT: '-1' }, { AUDIT_DB_SCHEMA: 'Audit"; drop' }, { REDIS_URL: 'http://x' }, { LIMIT_MAX_TOKENS: 'lots' }]) {
      expect(() => loadConfig({ ...DEV, ...bad })).toThrow();
    }
  });
});

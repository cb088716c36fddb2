import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPHS, type SubgraphName } from './subgraphs.js';

const port = z.coerce.number().int().min(0).max(65535);
const ms = z.coerce.number().int().positive();
const url = z.string().url();
const count = z.coerce.number().int().positive();

const EnvSchema = z
  .object({
    GATEWAY_MODE: z.enum(['development', 'production']).default('production'),
    HOST: z.string().default('127.0.0.1'),
    PORT: port.default(4000),
    DATA_DIR: z.string().default('.data'),
    SCHEMA_DIR: z.string().default('schema'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
    TOKEN_ISSUER: z.string().min(1).optional(),
    TOKEN_AUDIENCE: z.string().min(1).optional(),
    TOKEN_ALGORITHMS: z.string().default('ES256'),
    JWKS_FILE: z.string().optional(),
    JWKS_URL: url.optional(),
    JWKS_COOLDOWN_MS: ms.default(30_000),
    TOKEN_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(60).default(60),
    TOKEN_MAX_AGE_S: z.coerce.number().int().positive().default(900),
    INTERNAL_KEY_DIR: z.string().optional(),
    SUBGRAPH_TIMEOUT_MS: ms.default(6_000),
    COVERAGE_CHUNK_IDS: z.coerce.number().int().min(1).max(50_000).default(20_000),
    OPERATION_TIMEOUT_MS: ms.default(15_000),
    MOCK_AGENCY_URLS: z.string().optional(),
    AUDIT_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'AUDIT_DB_SCHEMA must be a lower-case PostgreSQL identifier').default('audit'),
    AUDIT_SQLITE_PATH: z.string().min(1).optional(),
    LIMIT_MAX_DEPTH: count.default(10),
    LIMIT_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
    LIMIT_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(10),
    LIMIT_MAX_TOKENS: count.default(2000),
    LIMIT_MAX_BODY_BYTES: count.default(100 * 1024),
    RATE_LIMIT_PER_CLIENT: count.default(600),
    RATE_LIMIT_AUTH_FAILURES: count.default(600),
    RATE_LIMIT_WINDOW_MS: ms.default(60_000),
    RATE_LIMIT_REDIS_PREFIX: z.string().default('asxh:ratelimit:'),
    REDIS_TIMEOUT_MS: ms.default(500),
    ...Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, url.optional()])),
  })
  .superRefine((env, ctx) => {
    if (env.GATEWAY_MODE === 'production') {
      // No default secrets or trust anchors in production: every one must be configured.
      for (const key of ['TOKEN_ISSUER', 'TOKEN_AUDIENCE', 'INTERNAL_KEY_DIR'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required in production` });
      }
      if (!env.JWKS_FILE && !env.JWKS_URL) ctx.addIssue({ code: 'custom', path: ['JWKS_URL'], message: 'JWKS_FILE or JWKS_URL is required in production' });
    }
  });

export interface GatewayConfig {
  readonly mode: 'development' | 'production';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly schemaDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly token: {
    /** Undefined in development: the dev issuer's own values. */
    readonly issuer: string | undefined;
    readonly audience: string | undefined;
    readonly algorithms: readonly string[];
    readonly jwksFile: string | undefined;
    readonly jwksUrl: string | undefined;
    readonly jwksCooldownMs: number;
    readonly clockToleranceSeconds: number;
    readonly maxTokenAgeSeconds: number;
  };
  /** Where the internal-credential key pair lives (the data dir in development). */
  readonly internalKeyDir: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly subgraphTimeoutMs: number;
  /** Beneficiary IDs per internal request when the report's account coverage is counted. */
  readonly coverageChunkIds: number;
  readonly operationTimeoutMs: number;
  /** Mock agencies' base URLs, served at /__control/agencies in development only. */
  readonly mockAgencyUrls: Readonly<Record<string, string>> | undefined;
  /** The audit store: schema `audit` of DATABASE_URL, else this SQLite file (default `<DATA_DIR>/audit.sqlite`). */
  readonly audit: { readonly schema: string; readonly sqlitePath: string };
  /** Document and request limits (scopes.md §Limits). */
  readonly limits: {
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    readonly maxBodyBytes: number;
  };
  /** Sliding-window rate limits, in memory or shared through Redis when `redisUrl` is set. */
  readonly rateLimit: {
    readonly perClient: number;
    readonly authFailuresPerAddress: number;
    readonly windowMs: number;
    readonly redisPrefix: string;
    readonly redisTimeoutMs: number;
  };
}

/** Reads and validates the gateway's environment once; throws listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid gateway configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data as z.infer<typeof EnvSchema> & Record<string, string | undefined>;
  let mockAgencyUrls: Record<string, string> | undefined;
  if (e.MOCK_AGENCY_URLS) {
    mockAgencyUrls = z.record(z.string(), url).parse(JSON.parse(e.MOCK_AGENCY_URLS));
  }
  return Object.freeze({
    mode: e.GATEWAY_MODE,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    schemaDir: e.SCHEMA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    token: Object.freeze({
      issuer: e.TOKEN_ISSUER,
      audience: e.TOKEN_AUDIENCE,
      algorithms: e.TOKEN_ALGORITHMS.split(',').map((s) => s.trim()).filter(Boolean),
      jwksFile: e.JWKS_FILE,
      jwksUrl: e.JWKS_URL,
      jwksCooldownMs: e.JWKS_COOLDOWN_MS,
      clockToleranceSeconds: e.TOKEN_CLOCK_TOLERANCE_S,
      maxTokenAgeSeconds: e.TOKEN_MAX_AGE_S,
    }),
    internalKeyDir: e.INTERNAL_KEY_DIR ?? e.DATA_DIR,
    subgraphUrls: Object.freeze(
      Object.fromEntries(
        SUBGRAPHS.map((n) => [n, e[`SUBGRAPH_${n.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[n]}/graphql`]),
      ) as Record<SubgraphName, string>,
    ),
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    coverageChunkIds: e.COVERAGE_CHUNK_IDS,
    operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
    mockAgencyUrls: e.GATEWAY_MODE === 'development' ? mockAgencyUrls : undefined,
    audit: Object.freeze({ schema: e.AUDIT_DB_SCHEMA, sqlitePath: e.AUDIT_SQLITE_PATH ?? join(e.DATA_DIR, 'audit.sqlite') }),
    limits: Object.freeze({
      maxDepth: e.LIMIT_MAX_DEPTH,
      maxAliases: e.LIMIT_MAX_ALIASES,
      maxDirectives: e.LIMIT_MAX_DIRECTIVES,
      maxTokens: e.LIMIT_MAX_TOKENS,
      maxBodyBytes: e.LIMIT_MAX_BODY_BYTES,
    }),
    rateLimit: Object.freeze({
      perClient: e.RATE_LIMIT_PER_CLIENT,
      authFailuresPerAddress: e.RATE_LIMIT_AUTH_FAILURES,
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      redisPrefix: e.RATE_LIMIT_REDIS_PREFIX,
      redisTimeoutMs: e.REDIS_TIMEOUT_MS,
    }),
  });
}

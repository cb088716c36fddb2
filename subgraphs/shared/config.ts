import { readFile } from 'node:fs/promises';
import { importJWK, type CryptoKey, type KeyObject } from 'jose';
import { z } from 'zod';
import { AgencyHttpClient, DEFAULT_AGENCY_CLIENT, type AgencyClientConfig } from '../../adapters/shared/index.js';
import { INTERNAL_ALG } from '../../schema/index.js';

const ms = z.coerce.number().int().positive();

const BaseEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  /** The gateway's internal public key (JWK file); there is no default trust anchor. */
  INTERNAL_PUBLIC_KEY_FILE: z.string().min(1),
  /** Longest internal credential accepted; raise it only to let another router front the subgraphs with a static header. */
  INTERNAL_MAX_TTL_S: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(60),
  AGENCY_TIMEOUT_MS: ms.default(DEFAULT_AGENCY_CLIENT.timeoutMs),
  AGENCY_RETRIES: z.coerce.number().int().min(0).max(10).default(DEFAULT_AGENCY_CLIENT.retries),
  AGENCY_RETRY_DELAY_MS: ms.default(DEFAULT_AGENCY_CLIENT.retryInitialDelayMs),
  AGENCY_RETRY_MAX_DELAY_MS: ms.default(DEFAULT_AGENCY_CLIENT.retryMaxDelayMs),
  AGENCY_BREAKER_THRESHOLD: z.coerce.number().int().positive().default(DEFAULT_AGENCY_CLIENT.breakerThreshold),
  AGENCY_BREAKER_HALF_OPEN_MS: ms.default(DEFAULT_AGENCY_CLIENT.breakerHalfOpenAfterMs),
});

export interface SubgraphConfig {
  readonly host: string;
  readonly port: number;
  readonly internalPublicKeyFile: string;
  readonly internalMaxTtlSeconds: number;
  /** Base URL and resilience settings of each agency this subgraph calls. */
  readonly agencies: Readonly<Record<string, AgencyClientConfig>>;
}

/**
 * Reads a subgraph's environment: HOST, PORT, INTERNAL_PUBLIC_KEY_FILE, `<AGENCY>_URL` for each agency it
 * calls (required), and AGENCY_* resilience settings, each overridable per agency as `<AGENCY>_TIMEOUT_MS`…
 */
export function loadSubgraphConfig(env: Readonly<Record<string, string | undefined>>, agencies: readonly string[]): SubgraphConfig {
  const base = BaseEnv.safeParse(env);
  const problems: string[] = base.success ? [] : base.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const out: Record<string, AgencyClientConfig> = {};
  if (base.success) {
    const b = base.data;
    for (const agency of agencies) {
      const url = env[`${agency}_URL`];
      if (!url || !z.string().url().safeParse(url).success) {
        problems.push(`${agency}_URL: required, a URL`);
        continue;
      }
      const num = (key: string, fallback: number, schema: z.ZodNumber = ms) => {
        const v = env[`${agency}_${key}`];
        if (v === undefined) return fallback;
        const parsed = schema.safeParse(v);
        if (!parsed.success) {
          problems.push(`${agency}_${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
          return fallback;
        }
        return parsed.data;
      };
      out[agency] = Object.freeze({
        baseUrl: url,
        timeoutMs: num('TIMEOUT_MS', b.AGENCY_TIMEOUT_MS),
        retries: num('RETRIES', b.AGENCY_RETRIES, z.coerce.number().int().min(0).max(10)),
        retryInitialDelayMs: num('RETRY_DELAY_MS', b.AGENCY_RETRY_DELAY_MS),
        retryMaxDelayMs: num('RETRY_MAX_DELAY_MS', b.AGENCY_RETRY_MAX_DELAY_MS),
        breakerThreshold: num('BREAKER_THRESHOLD', b.AGENCY_BREAKER_THRESHOLD),
        breakerHalfOpenAfterMs: num('BREAKER_HALF_OPEN_MS', b.AGENCY_BREAKER_HALF_OPEN_MS),
      });
    }
  }
  if (problems.length || !base.success) throw new Error(`invalid subgraph configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze({ host: base.data.HOST, port: base.data.PORT, internalPublicKeyFile: base.data.INTERNAL_PUBLIC_KEY_FILE, internalMaxTtlSeconds: base.data.INTERNAL_MAX_TTL_S, agencies: Object.freeze(out) });
}

/** The gateway's internal public key from its JWK file. */
export async function loadInternalPublicKey(path: string): Promise<CryptoKey | KeyObject> {
  const key = await importJWK(JSON.parse(await readFile(path, 'utf8')), INTERNAL_ALG);
  if (key instanceof Uint8Array) throw new Error('internal public key must be an EC key');
  return key;
}

/** One resilient HTTP client per agency. */
export const agencyClient = (agency: string, config: AgencyClientConfig): AgencyHttpClient => new AgencyHttpClient(agency, config);

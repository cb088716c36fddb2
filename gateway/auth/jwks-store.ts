import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, errors, type CryptoKey, type JSONWebKeySet, type JWK, type LocalJWKSet } from 'jose';

/** Where the issuer's public keys come from (config). */
export type JwksSource = { file: string } | { url: string } | { keys: JSONWebKeySet };

export interface JwksStoreOptions {
  /** Least time between two loads triggered by unknown keys (or staleness), successful or not. */
  readonly cooldownMs: number;
  /** Abort a JWKS download after this long. */
  readonly timeoutMs: number;
  /** Reload a file or URL set this long after its last successful load, so removed keys stop being trusted. */
  readonly maxAgeMs: number;
}

export interface JwksStoreDeps {
  readonly clock: () => Date;
  readonly fetch?: typeof fetch;
}

/** The key set could not be loaded (no keys at all yet, or a refused/garbled source). */
export class JwksUnavailableError extends Error {
  override readonly name = 'JwksUnavailableError';
}

export interface JwksStore {
  /** The verification key for a header's `alg` and `kid`, looked up only inside the configured set. */
  getKey(header: { alg: string; kid?: string | undefined }): Promise<CryptoKey>;
}

// A JWKS is a handful of keys; anything near this size is not one.
const MAX_JWKS_BYTES = 256 * 1024;

/** A JWKS from inline keys, a file or a URL, reloaded at most once per cooldown when a `kid` is unknown. */
export function createJwksStore(source: JwksSource, options: JwksStoreOptions, deps: JwksStoreDeps): JwksStore {
  const now = (): number => deps.clock().getTime();
  let current: LocalJWKSet | undefined;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let lastSuccessAt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<void> | undefined;
  let load: (() => Promise<JSONWebKeySet>) | undefined;

  if ('keys' in source) {
    current = toKeySet(checkJwks(source.keys));
  } else if ('file' in source) {
    const path = source.file;
    // Read at creation so a missing or broken file stops the process at start, not at the first request.
    current = toKeySet(parseJwks(readFileSync(path, 'utf8')));
    lastAttemptAt = lastSuccessAt = now();
    load = async () => parseJwks(await readFile(path, 'utf8'));
  } else {
    const url = new URL(source.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('jwks.url must be http(s)');
    const fetchImpl = deps.fetch ?? globalThis.fetch;
    load = () => fetchJwks(fetchImpl, url, options.timeoutMs);
  }

  const reload = (): Promise<void> => {
    const loader = load;
    if (!loader) return Promise.resolve();
    if (!inflight) {
      lastAttemptAt = now();
      const attempt = (async () => {
        const jwks = await loader();
        current = toKeySet(jwks);
        lastSuccessAt = now();
      })().finally(() => {
        if (inflight === attempt) inflight = undefined;
      });
      inflight = attempt;
    }
    // A failed reload keeps the keys already held: an issuer hiccup must not log everybody out.
    return inflight.catch(() => undefined);
  };

  /** Joins a load in flight, or starts one unless the cooldown forbids it; true when a load was awaited. */
  const maybeReload = async (): Promise<boolean> => {
    if (!load) return false;
    if (!inflight && now() - lastAttemptAt < options.cooldownMs) return false;
    await reload();
    return true;
  };

  return {
    async getKey({ alg, kid }) {
      if (load && (!current || now() - lastSuccessAt >= options.maxAgeMs)) await maybeReload();
      const keys = current;
      if (!keys) throw new JwksUnavailableError('no JWKS loaded');
      // Only alg and kid reach the lookup: jku, x5u, jwk and every other header member are never consulted.
      const header = kid === undefined ? { alg } : { alg, kid };
      try {
        return await keys(header);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey) || !(await maybeReload())) throw error;
        const fresh = current;
        if (!fresh) throw new JwksUnavailableError('no JWKS loaded');
        return await fresh(header);
      }
    },
  };
}

function toKeySet(jwks: JSONWebKeySet): LocalJWKSet {
  return createLocalJWKSet(jwks);
}

/** Parses and checks a JWKS document. */
function parseJwks(text: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new JwksUnavailableError('JWKS is not JSON', { cause });
  }
  return checkJwks(parsed);
}

/** Refuses anything but a set of public asymmetric keys: a secret or private key here means a leak or a mix-up. */
function checkJwks(value: unknown): JSONWebKeySet {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { keys?: unknown }).keys)) {
    throw new JwksUnavailableError('JWKS has no keys array');
  }
  const keys = (value as { keys: unknown[] }).keys;
  for (const key of keys) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new JwksUnavailableError('JWKS member is not an object');
    const jwk = key as JWK;
    if (jwk.kty === 'oct' || jwk.k !== undefined) throw new JwksUnavailableError('JWKS holds a symmetric key');
    if (jwk.d !== undefined || jwk.p !== undefined) throw new JwksUnavailableError('JWKS holds a private key');
  }
  return { keys: keys as JWK[] };
}

async function fetchJwks(fetchImpl: typeof fetch, url: URL, timeoutMs: number): Promise<JSONWebKeySet> {
  const response = await fetchImpl(url.href, {
    method: 'GET',
    // A redirect could point anywhere; the configured URL is the only trusted place.
    redirect: 'manual',
    headers: { accept: 'application/jwk-set+json, application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new JwksUnavailableError(`JWKS answered HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_JWKS_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new JwksUnavailableError('JWKS too large');
  }
  const text = await response.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_JWKS_BYTES) throw new JwksUnavailableError('JWKS too large');
  return parseJwks(text);
}

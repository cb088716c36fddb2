import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The one algorithm our own keys (dev issuer, internal credential) use. */
export const KEY_ALG = 'ES256';

/** Thrown when a key file exists but does not hold what it should; it is never overwritten silently. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
}

/** The ES256 private JWK stored at `path` (kid = RFC 7638 thumbprint), created with mode 0600 if absent. */
export async function ensurePrivateJwk(path: string): Promise<JWK> {
  const existing = await readPrivateJwk(path);
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const jwk = await generatePrivateJwk();
  const temp = tempPath(path);
  await writeFile(temp, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    // Several processes may start at once: a hard link never replaces an existing file (unlike rename), and
    // the file it publishes is already complete, so the loser of the race reads the winner's key.
    await link(temp, path);
    return jwk;
  } catch (error) {
    if (!hasCode(error, 'EEXIST')) throw error;
    const winner = await readPrivateJwk(path);
    if (!winner) throw new KeyFileError(`key file vanished: ${path}`);
    return winner;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The public half of a private JWK, keeping its kid, alg and use. */
export function publicJwkOf(privateJwk: JWK): JWK {
  const { kty, crv, x, y, kid, alg, use } = privateJwk;
  return { kty, crv, x, y, kid, alg: alg ?? KEY_ALG, use: use ?? 'sig' };
}

/** Writes `content` to `path` by temp file and rename, unless the file already holds exactly that. */
export async function writeFileIfChanged(path: string, content: string, mode = 0o644): Promise<void> {
  const current = await readFile(path, 'utf8').catch((error: unknown) => {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  });
  if (current === content) return;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = tempPath(path);
  await writeFile(temp, content, { mode, flag: 'wx' });
  try {
    // Concurrent writers derive the same content from the same private key, so the last rename wins harmlessly.
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(KEY_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: KEY_ALG, use: 'sig' };
}

async function readPrivateJwk(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch (cause) {
    throw new KeyFileError(`not JSON: ${path}`, { cause });
  }
  if (!isEs256PrivateJwk(jwk)) throw new KeyFileError(`not an ES256 private JWK with a kid: ${path}`);
  return jwk;
}

function isEs256PrivateJwk(value: unknown): value is JWK {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    ['x', 'y', 'd', 'kid'].every((member) => typeof jwk[member] === 'string' && jwk[member] !== '')
  );
}

const tempPath = (path: string): string => `${path}.${process.pid}.${randomUUID()}.tmp`;

const hasCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

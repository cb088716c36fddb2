import { join } from 'node:path';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { ensurePrivateJwk, KEY_ALG, KeyFileError, publicJwkOf, writeFileIfChanged } from './key-files.js';

/** File names under the data directory. */
export const INTERNAL_PRIVATE_KEY_FILE = 'internal.private.jwk.json';
export const INTERNAL_PUBLIC_KEY_FILE = 'internal.public.jwk.json';

export interface InternalKey {
  /** Signs internal credentials (schema/internal-credential.ts). */
  readonly privateKey: CryptoKey;
  /** What subgraphs verify with. */
  readonly publicJwk: JWK;
  readonly publicKeyPath: string;
}

/** The gateway's own internal-credential key pair under `dataDir`, created on first use. */
export async function ensureInternalKey(dataDir: string): Promise<InternalKey> {
  const privateJwk = await ensurePrivateJwk(join(dataDir, INTERNAL_PRIVATE_KEY_FILE));
  const publicJwk = publicJwkOf(privateJwk);
  const publicKeyPath = join(dataDir, INTERNAL_PUBLIC_KEY_FILE);
  await writeFileIfChanged(publicKeyPath, `${JSON.stringify(publicJwk, null, 2)}\n`);
  const privateKey = await importJWK(privateJwk, KEY_ALG);
  if (privateKey instanceof Uint8Array) throw new KeyFileError('internal key is not an asymmetric key');
  return { privateKey, publicJwk, publicKeyPath };
}

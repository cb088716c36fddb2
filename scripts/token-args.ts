import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_TOKEN_CLAIMS, DEV_TOKEN_DEFAULTS, type DevTokenClaim, type DevTokenOptions } from '../gateway/auth/index.js';

/** What `npm run token -- …` was asked for (running.md). */
export interface TokenArgs {
  readonly help: boolean;
  readonly scope: string;
  /** `38,12` → ['38', '12']; `*` → ['*']; '' or absent → []. */
  readonly areas: readonly string[];
  readonly sub: string;
  readonly clientId: string;
  readonly ttlSeconds: number;
  readonly iatOffsetSeconds: number;
  readonly nbfOffsetSeconds?: number;
  readonly audience?: string;
  readonly issuer?: string;
  readonly typ?: string;
  readonly omit: readonly DevTokenClaim[];
}

/** Settings the token command takes from its environment. */
export interface TokenEnv {
  readonly dataDir: string;
  readonly issuer: string;
  readonly audience: string;
}

export type TokenArgsErrorCode = 'unknown_option' | 'missing_value' | 'unexpected_argument' | 'not_an_integer' | 'unknown_claim';

/** A command line the token command cannot use; the CLI prints it and exits with 2. */
export class TokenArgsError extends Error {
  override readonly name = 'TokenArgsError';
  constructor(
    readonly code: TokenArgsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const TOKEN_USAGE = `Usage: npm run --silent token -- [options]
Prints one access token signed with the dev issuer key (DATA_DIR, default ./.data).

  --scope "a b"       space-separated scopes (default none)
  --areas 38,12       area codes; '*' nationwide; '' or absent: none
  --sub ID            subject (default ${DEV_TOKEN_DEFAULTS.sub})
  --client ID         client_id (default ${DEV_TOKEN_DEFAULTS.clientId})
  --ttl S             seconds until exp (default ${DEV_TOKEN_DEFAULTS.ttlSeconds}; below zero: already expired)
  --iat-offset S      iat = now + S
  --nbf-offset S      adds nbf = now + S
  --aud X             audience (default TOKEN_AUDIENCE or ${DEV_AUDIENCE})
  --iss X             issuer (default TOKEN_ISSUER or ${DEV_ISSUER})
  --typ X             header typ (default at+jwt; '' leaves it out)
  --omit a,b          leave out claims: ${DEV_TOKEN_CLAIMS.join(', ')}
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  scope: { type: 'string' },
  areas: { type: 'string' },
  sub: { type: 'string' },
  client: { type: 'string' },
  ttl: { type: 'string' },
  'iat-offset': { type: 'string' },
  'nbf-offset': { type: 'string' },
  aud: { type: 'string' },
  iss: { type: 'string' },
  typ: { type: 'string' },
  omit: { type: 'string' },
} as const;

const NUMERIC_OPTIONS: ReadonlySet<string> = new Set(['--ttl', '--iat-offset', '--nbf-offset']);

/** Parses the token command's arguments (after `--`); throws `TokenArgsError`. */
export function parseTokenArgs(argv: readonly string[]): TokenArgs {
  let values: Partial<Record<keyof typeof OPTIONS, string | boolean>>;
  try {
    ({ values } = parseArgs({ args: joinNegativeNumbers(argv), options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw toArgsError(error);
  }
  const text = (name: keyof typeof OPTIONS): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const nbf = text('nbf-offset');
  const aud = text('aud');
  const iss = text('iss');
  const typ = text('typ');
  return {
    help: values.help === true,
    scope: text('scope') ?? DEV_TOKEN_DEFAULTS.scope,
    areas: list(text('areas') ?? ''),
    sub: text('sub') ?? DEV_TOKEN_DEFAULTS.sub,
    clientId: text('client') ?? DEV_TOKEN_DEFAULTS.clientId,
    ttlSeconds: integer('ttl', text('ttl')) ?? DEV_TOKEN_DEFAULTS.ttlSeconds,
    iatOffsetSeconds: integer('iat-offset', text('iat-offset')) ?? 0,
    ...(nbf === undefined ? {} : { nbfOffsetSeconds: integer('nbf-offset', nbf) }),
    ...(aud === undefined ? {} : { audience: aud }),
    ...(iss === undefined ? {} : { issuer: iss }),
    ...(typ === undefined ? {} : { typ }),
    omit: list(text('omit') ?? '').map(claimName),
  };
}

/** Data directory, issuer and audience from the environment (`DATA_DIR`, `TOKEN_ISSUER`, `TOKEN_AUDIENCE`). */
export function tokenEnv(env: Readonly<Record<string, string | undefined>>, cwd: string): TokenEnv {
  return {
    dataDir: resolve(cwd, env.DATA_DIR || '.data'),
    issuer: env.TOKEN_ISSUER || DEV_ISSUER,
    audience: env.TOKEN_AUDIENCE || DEV_AUDIENCE,
  };
}

/** The signing options for parsed arguments; `--iss` / `--aud` win over the environment. */
export function devTokenOptions(args: TokenArgs, env: TokenEnv, now: Date): DevTokenOptions {
  return {
    now,
    scope: args.scope,
    areas: args.areas,
    sub: args.sub,
    clientId: args.clientId,
    ttlSeconds: args.ttlSeconds,
    iatOffsetSeconds: args.iatOffsetSeconds,
    ...(args.nbfOffsetSeconds === undefined ? {} : { nbfOffsetSeconds: args.nbfOffsetSeconds }),
    audience: args.audience ?? env.audience,
    issuer: args.issuer ?? env.issuer,
    ...(args.typ === undefined ? {} : { typ: args.typ }),
    omit: args.omit,
  };
}

// parseArgs reads `--ttl -60` as a missing value followed by an option; running.md promises it works.
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (NUMERIC_OPTIONS.has(arg) && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new TokenArgsError('not_an_integer', `--${name} must be a whole number of seconds`);
  return n;
}

function claimName(name: string): DevTokenClaim {
  if (!(DEV_TOKEN_CLAIMS as readonly string[]).includes(name)) {
    throw new TokenArgsError('unknown_claim', `--omit: unknown claim ${name} (one of ${DEV_TOKEN_CLAIMS.join(', ')})`);
  }
  return name as DevTokenClaim;
}

function toArgsError(error: unknown): TokenArgsError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new TokenArgsError('unknown_option', message);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new TokenArgsError('unexpected_argument', message);
    default:
      return new TokenArgsError('missing_value', message);
  }
}

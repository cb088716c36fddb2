import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  createTokenVerifier,
  DEV_AUDIENCE,
  DEV_ISSUER,
  ensureDevIssuer,
  signDevToken,
  TOKEN_VERIFIER_DEFAULTS,
} from '../gateway/auth/index.js';
import { devTokenOptions, parseTokenArgs, TokenArgsError, tokenEnv, type TokenArgs } from './token-args.js';

const NOW = new Date('2026-11-15T03:00:00.000Z');

const DEFAULTS: TokenArgs = {
  help: false,
  scope: '',
  areas: [],
  sub: 'dev-user',
  clientId: 'dev-client',
  ttlSeconds: 600,
  iatOffsetSeconds: 0,
  omit: [],
};

describe('parseTokenArgs', () => {
  it.each<[string[], Partial<TokenArgs>]>([
    [[], {}],
    [
      ['--scope', 'beneficiary:read payments:read', '--areas', '38,12', '--sub', 'alice', '--client', 'portal', '--ttl', '600'],
      { scope: 'beneficiary:read payments:read', areas: ['38', '12'], sub: 'alice', clientId: 'portal', ttlSeconds: 600 },
    ],
    [['--areas', '*'], { areas: ['*'] }],
    [['--areas', ''], { areas: [] }],
    [['--areas', ' 38 , ,12,'], { areas: ['38', '12'] }],
    [['--areas=38'], { areas: ['38'] }],
    [['--ttl', '-60'], { ttlSeconds: -60 }],
    [['--ttl=-60'], { ttlSeconds: -60 }],
    [['--ttl', '0'], { ttlSeconds: 0 }],
    [['--iat-offset', '-1000'], { iatOffsetSeconds: -1000 }],
    [['--nbf-offset', '600'], { nbfOffsetSeconds: 600 }],
    [['--nbf-offset', '-5'], { nbfOffsetSeconds: -5 }],
    [['--aud', 'other'], { audience: 'other' }],
    [['--iss', 'https://evil.example'], { issuer: 'https://evil.example' }],
    [['--typ', 'JWT'], { typ: 'JWT' }],
    [['--typ', ''], { typ: '' }],
    [['--omit', 'jti,exp'], { omit: ['jti', 'exp'] }],
    [['--omit', 'client_id, sub'], { omit: ['client_id', 'sub'] }],
    [['--scope', ''], { scope: '' }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(parseTokenArgs(argv)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each<[string[], string]>([
    [['--bogus'], 'unknown_option'],
    [['--ttl'], 'missing_value'],
    [['--ttl', 'abc'], 'not_an_integer'],
    [['--ttl', '1.5'], 'not_an_integer'],
    [['--ttl', '1e3'], 'not_an_integer'],
    [['--ttl', '99999999999999999999'], 'not_an_integer'],
    [['--iat-offset', ''], 'not_an_integer'],
    [['--nbf-offset', '10m'], 'not_an_integer'],
    [['--omit', 'jti,kid'], 'unknown_claim'],
    [['--omit', 'Exp'], 'unknown_claim'],
    [['alice'], 'unexpected_argument'],
    [['--scope'], 'missing_value'],
  ])('%j is refused with %s', (argv, code) => {
    let caught: unknown;
    try {
      parseTokenArgs(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof TokenArgsError ? caught.code : caught).toBe(code);
  });
});

describe('tokenEnv', () => {
  it.each<[Record<string, string | undefined>, ReturnType<typeof tokenEnv>]>([
    [{}, { dataDir: '/srv/app/.data', issuer: DEV_ISSUER, audience: DEV_AUDIENCE }],
    [{ DATA_DIR: '', TOKEN_ISSUER: '', TOKEN_AUDIENCE: '' }, { dataDir: '/srv/app/.data', issuer: DEV_ISSUER, audience: DEV_AUDIENCE }],
    [{ DATA_DIR: 'var/data' }, { dataDir: '/srv/app/var/data', issuer: DEV_ISSUER, audience: DEV_AUDIENCE }],
    [{ DATA_DIR: '/tmp/d', TOKEN_ISSUER: 'iss', TOKEN_AUDIENCE: 'aud' }, { dataDir: '/tmp/d', issuer: 'iss', audience: 'aud' }],
  ])('%j', (env, expected) => {
    expect(tokenEnv(env, '/srv/app')).toEqual(expected);
  });
});

describe('devTokenOptions', () => {
  const env = { dataDir: '/d', issuer: 'env-iss', audience: 'env-aud' };

  it('takes issuer and audience from the environment by default', () => {
    expect(devTokenOptions(parseTokenArgs(['--areas', '38']), env, NOW)).toEqual({
      now: NOW,
      scope: '',
      areas: ['38'],
      sub: 'dev-user',
      clientId: 'dev-client',
      ttlSeconds: 600,
      iatOffsetSeconds: 0,
      audience: 'env-aud',
      issuer: 'env-iss',
      omit: [],
    });
  });

  it('lets --iss, --aud, --typ and --nbf-offset win', () => {
    const args = parseTokenArgs(['--iss', 'i', '--aud', 'a', '--typ', 'JWT', '--nbf-offset', '9']);
    expect(devTokenOptions(args, env, NOW)).toEqual({
      now: NOW,
      scope: '',
      areas: [],
      sub: 'dev-user',
      clientId: 'dev-client',
      ttlSeconds: 600,
      iatOffsetSeconds: 0,
      nbfOffsetSeconds: 9,
      audience: 'a',
      issuer: 'i',
      typ: 'JWT',
      omit: [],
    });
  });
});

describe('round trip: a CLI token verifies against the dev JWKS', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'asxh-token-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const mint = async (argv: string[]): Promise<string> => {
    const env = tokenEnv({ DATA_DIR: dataDir }, '/');
    const issuer = await ensureDevIssuer(env.dataDir);
    return signDevToken(issuer.privateJwk, devTokenOptions(parseTokenArgs(argv), env, NOW));
  };

  const verify = async (token: string): Promise<unknown> => {
    const { jwksPath } = await ensureDevIssuer(dataDir);
    const verifier = createTokenVerifier(
      { ...TOKEN_VERIFIER_DEFAULTS, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: { file: jwksPath } },
      { clock: () => NOW },
    );
    try {
      return await verifier.verify(`Bearer ${token}`);
    } catch (error) {
      return error instanceof AuthError ? { kind: error.kind, reason: error.reason } : { escaped: error };
    }
  };

  it('yields the caller the command line asked for', async () => {
    const token = await mint(['--scope', 'beneficiary:read payments:read', '--areas', '38,12', '--sub', 'alice', '--client', 'portal', '--ttl', '600']);
    const caller = (await verify(token)) as { tokenId: string };
    expect(caller).toEqual({
      subject: 'alice',
      clientId: 'portal',
      scopes: new Set(['beneficiary:read', 'payments:read']),
      areas: ['38', '12'],
      expiresAt: new Date(NOW.getTime() + 600_000),
      tokenId: caller.tokenId,
    });
    expect(caller.tokenId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each<[string[], string[]]>([
    [['--areas', '*'], ['*']],
    [['--areas', ''], []],
    [[], []],
  ])('%j gives areas %j', async (argv, expected) => {
    expect(((await verify(await mint(argv))) as { areas: unknown }).areas).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['--ttl', '-120'], 'expired'],
    [['--iat-offset', '-1000'], 'too_old'],
    [['--nbf-offset', '600'], 'not_yet_valid'],
    [['--aud', 'another-api'], 'bad_audience'],
    [['--iss', 'https://evil.example'], 'bad_issuer'],
    [['--typ', 'JWT'], 'bad_type'],
    [['--typ', ''], 'bad_type'],
    [['--omit', 'jti'], 'missing_claim'],
    [['--omit', 'exp,iat'], 'missing_claim'],
  ])('%j is refused as %s', async (argv, reason) => {
    expect(await verify(await mint(argv))).toEqual({ kind: 'invalid', reason });
  });
});

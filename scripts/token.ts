/**
 * `npm run --silent token -- --scope "beneficiary:read" --areas 38,12`: prints one dev access token and a
 * newline on stdout, nothing else; any error goes to stderr with exit code 2 (running.md).
 */
import { ensureDevIssuer, signDevToken } from '../gateway/auth/index.js';
import { devTokenOptions, parseTokenArgs, TOKEN_USAGE, TokenArgsError, tokenEnv } from './token-args.js';

async function main(): Promise<number> {
  let args;
  try {
    args = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof TokenArgsError)) throw error;
    process.stderr.write(`token: ${error.message}\n\n${TOKEN_USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(TOKEN_USAGE);
    return 0;
  }
  const env = tokenEnv(process.env, process.cwd());
  const issuer = await ensureDevIssuer(env.dataDir);
  const token = await signDevToken(issuer.privateJwk, devTokenOptions(args, env, new Date()));
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

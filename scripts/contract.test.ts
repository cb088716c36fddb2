import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const checker = join(root, '..', 'shared', 'tools', 'check-contract.mjs');

// The contract is complete, so the plain check is part of `npm test` (architecture.md): any difference fails.
describe('public contract (../shared/api/gateway.graphql)', () => {
  it('is honoured by the served schema: every type, field, argument and default', async () => {
    const run = await promisify(execFile)(process.execPath, [checker, 'schema/gateway.graphql'], { cwd: root }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, out: String(e.stdout) + String(e.stderr) }),
    );
    expect(run).toEqual({ code: 0, out: expect.stringContaining('honours the public contract') });
  });
});

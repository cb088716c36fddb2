import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const checker = join(root, '..', 'shared', 'tools', 'check-contract.mjs');
const gapsFile = join(root, 'schema', 'contract-gaps.txt');

/** The differences check-contract.mjs reports for the committed gateway schema (empty when it passes). */
async function differences(): Promise<string[]> {
  try {
    await promisify(execFile)(process.execPath, [checker, 'schema/gateway.graphql'], { cwd: root });
    return [];
  } catch (error) {
    const out = String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
    const lines = out.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
    if (lines.length === 0) throw error;
    return lines;
  }
}

describe('public contract (../shared/api/gateway.graphql)', () => {
  it('differs from the served schema only by the committed, shrinking list of gaps', async () => {
    const listed = (await readFile(gapsFile, 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const found = await differences();
    if (process.env.UPDATE_CONTRACT_GAPS === '1') {
      // Only ever removes lines: a new difference is a regression, not a gap to list.
      const kept = listed.filter((l) => found.includes(l));
      await writeFile(gapsFile, `# Differences from the public contract still to close; this list may only shrink.\n${kept.map((l) => l + '\n').join('')}`);
      return;
    }
    expect({ new: found.filter((l) => !listed.includes(l)), closedButListed: listed.filter((l) => !found.includes(l)) }).toEqual({
      new: [],
      closedButListed: [],
    });
  });
});

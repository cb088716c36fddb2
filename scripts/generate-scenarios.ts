import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vietnamDate } from '../schema/time.js';
import type { Dataset } from '../mocks/fixtures/dataset.js';
import { DEFAULT_SEED, generateDataset } from '../mocks/fixtures/generator.js';

/**
 * Writes mocks/fixtures/scenarios.json, the catalog outside tests read instead of hard-coding IDs.
 * Usage (from the repository root): node dist/scripts/generate-scenarios.js [output path]
 * Environment: MOCK_SEED (default 20261), MOCK_REFERENCE_DATE (YYYY-MM-DD, default today in Asia/Ho_Chi_Minh).
 */

/** Writes a data set's scenario file as pretty JSON with a trailing newline. */
export function writeScenarios(path: string, dataset: Dataset): void {
  writeFileSync(path, `${JSON.stringify(dataset.scenarios, null, 2)}\n`);
}

function main(): void {
  const seed = process.env.MOCK_SEED ? Number(process.env.MOCK_SEED) : DEFAULT_SEED;
  const referenceDate = process.env.MOCK_REFERENCE_DATE || vietnamDate(new Date());
  const path = resolve(process.argv[2] ?? 'mocks/fixtures/scenarios.json');
  // Scenario identities do not depend on the scale, so no bulk data is needed to write them.
  writeScenarios(path, generateDataset({ seed, scale: 0, referenceDate }));
  process.stdout.write(`wrote ${path} (seed ${seed}, reference date ${referenceDate})\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

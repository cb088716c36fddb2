import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../mocks/fixtures/dataset.js';
import { DEFAULT_SEED, generateDataset } from '../mocks/fixtures/generator.js';
import { writeScenarios } from './generate-scenarios.js';

describe('writeScenarios', () => {
  it('writes the scenario file as pretty JSON with a trailing newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    try {
      const dataset = generateDataset({ seed: 5, scale: 0, referenceDate: '2026-11-15' });
      writeScenarios(join(dir, 'scenarios.json'), dataset);
      expect(readFileSync(join(dir, 'scenarios.json'), 'utf8')).toBe(`${JSON.stringify(dataset.scenarios, null, 2)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the committed scenarios.json true for the default seed on any reference date', () => {
    const committed = JSON.parse(readFileSync(new URL('../mocks/fixtures/scenarios.json', import.meta.url), 'utf8')) as ScenarioFile;
    // Only `period` follows the reference date; the rows depend on the seed alone.
    const generated = generateDataset({ seed: DEFAULT_SEED, scale: 0, referenceDate: '2027-02-01' }).scenarios;
    expect(committed.scenarios).toEqual(generated.scenarios);
  });
});

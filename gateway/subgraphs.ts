import type { AgencyName } from '../schema/index.js';

/** The subgraphs the gateway composes, in a fixed order, with the agency behind each. */
export const SUBGRAPHS = ['labor', 'population'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/**
 * The agencies whose data is missing when a subgraph itself does not answer (ownership.md: for payments,
 * both BANK and POST).
 */
export const SUBGRAPH_SOURCES: Readonly<Record<SubgraphName, readonly AgencyName[]>> = {
  labor: ['LABOR_REGISTRY'],
  population: ['POPULATION'],
};

/** Default port of each subgraph (architecture.md: 4001–4006). */
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<SubgraphName, number>> = {
  labor: 4001,
  population: 4002,
};

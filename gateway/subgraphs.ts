import type { AgencyName } from '../schema/index.js';

/** The subgraphs the gateway composes, in a fixed order, with the agency behind each. */
export const SUBGRAPHS = ['labor', 'population', 'pension', 'treasury', 'payments', 'accounts'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/**
 * The agencies whose data is missing when a subgraph itself does not answer (ownership.md: for payments,
 * both BANK and POST).
 */
export const SUBGRAPH_SOURCES: Readonly<Record<SubgraphName, readonly AgencyName[]>> = {
  labor: ['LABOR_REGISTRY'],
  population: ['POPULATION'],
  pension: ['SOCIAL_INSURANCE'],
  treasury: ['TREASURY'],
  payments: ['BANK', 'POST'],
  accounts: ['ACCOUNT_REGISTRY'],
};

/** Default port of each subgraph (architecture.md: 4001–4006). */
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<SubgraphName, number>> = {
  labor: 4001,
  population: 4002,
  pension: 4003,
  treasury: 4004,
  payments: 4005,
  accounts: 4006,
};

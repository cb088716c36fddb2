export * from './population.adapter.js';
export * from './population.http.js';
export type * from './population.wire.js';

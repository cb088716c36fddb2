export * from './population.adapter.js';

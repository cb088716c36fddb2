export * from './payer.adapter.js';

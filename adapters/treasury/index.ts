export * from './treasury.adapter.js';

export * from './pension.adapter.js';

export * from './labor.adapter.js';

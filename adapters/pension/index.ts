export * from './pension.adapter.js';
export * from './pension.http.js';
export type * from './pension.wire.js';

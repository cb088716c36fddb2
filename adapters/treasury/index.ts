export * from './treasury.adapter.js';
export * from './treasury.http.js';
export type * from './treasury.wire.js';

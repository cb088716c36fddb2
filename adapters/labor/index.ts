export * from './labor.adapter.js';
export * from './labor.http.js';
export type * from './labor.wire.js';

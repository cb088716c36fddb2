export * from './payer.adapter.js';
export * from './payer.http.js';
export type * from './payer.wire.js';

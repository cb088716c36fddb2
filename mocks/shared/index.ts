export * from './fault-control.js';
export * from './mock-http-error.js';
export * from './mock-server.js';

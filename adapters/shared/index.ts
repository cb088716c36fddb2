export * from './agency-error.js';
export * from './http-client.js';

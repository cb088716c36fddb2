export * from './tiny-dataset.js';
export * from './mock-control.js';

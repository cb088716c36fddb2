export * from './scalars.js';
export * from './areas.js';
export * from './errors.js';
export * from './names.js';
export * from './access-rules.js';
export * from './internal-credential.js';
export * from './time.js';
export * from './logger.js';

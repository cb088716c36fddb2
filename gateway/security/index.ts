/** The gateway's defences: document and request limits, rate limits, root-field scopes, error masking, log redaction. */
export {
  aliasLimit,
  depthLimit,
  directiveLimit,
  fragmentCycleLimit,
  tokenLimit,
  type LimitName,
  type LimitViolation,
  type OperationLimit,
  type OperationScan,
} from './document-limits.js';
export { introspectionGate, introspectionKeys } from './introspection-gate.js';
export {
  createOperationGuard,
  type OperationAnalysis,
  type OperationGuard,
  type OperationLimits,
  type OperationRequest,
  type OperationType,
  type RootField,
} from './operation-guard.js';
export {
  contentTypeGuard,
  methodGuard,
  operationFieldsGuard,
  readBody,
  readGraphqlRequest,
  type GraphqlHttpRequest,
  type RequestRefusal,
  type ShapeResult,
} from './request-shape.js';
export { createMemoryRateLimitStore, type RateDecision, type RateLimitStore } from './rate-limit-store.js';
export { createRedisRateLimitStore } from './redis-rate-limit-store.js';
export { createRespClient, RespConnectionError, RespServerError, type RespClient, type RespValue } from './resp-client.js';
export {
  createAuthFailureLimit,
  createClientRateLimit,
  createFallbackRateLimitStore,
  openRateLimitStore,
  retryAfterSeconds,
  type AuthFailureLimit,
  type ClientRateLimit,
  type RateLimitStoreOptions,
  type WindowLimit,
} from './rate-limiter.js';
export { enforceRootAccess, forbiddenError, type AccessCaller } from './scope-guard.js';
export { errorBody, errorMaskingPlugin, formatPublicError, GENERIC_MESSAGES, publicCode, sanitizeMessage } from './error-masking.js';
export { maskDigits, redactFields, redactingLogger } from '../../schema/pii.js';

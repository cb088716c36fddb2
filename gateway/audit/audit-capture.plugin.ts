import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';

/** What one operation did, as Apollo saw it, kept for its audit entry. */
export interface ExecutionCapture {
  document?: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>>;
  /** Set once Apollo resolved a valid operation. */
  operationType?: 'query' | 'mutation' | 'subscription';
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
}

/** Copies the document, operation and final response of each request into its context's `capture`. */
export function auditCapturePlugin(): ApolloServerPlugin<{ readonly capture: ExecutionCapture }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, document, operation, operationName, request, response }) {
          const capture = contextValue.capture;
          if (document) capture.document = document;
          capture.operationName = operationName ?? request.operationName ?? null;
          if (request.variables) capture.variables = request.variables;
          if (operation) capture.operationType = operation.operation;
          if (response.body.kind === 'single') {
            capture.data = response.body.singleResult.data;
            capture.errors = response.body.singleResult.errors;
          }
        },
      };
    },
  };
}

import type { InProcessStack } from '../../../test/support/in-process-stack.js';

/** One HTTP answer as the attack tests read it. */
export interface Probe {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  readonly body: any;
}

export interface ProbeRequest {
  readonly method?: string;
  readonly token?: string | null;
  /** Raw Authorization header (wins over `token`). */
  readonly authorization?: string;
  readonly headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  readonly body?: unknown;
  readonly search?: string;
}

/** Sends one request to a gateway URL and reads the whole answer. */
export async function probe(url: string, req: ProbeRequest = {}): Promise<Probe> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.authorization !== undefined) headers.authorization = req.authorization;
  else if (req.token) headers.authorization = `Bearer ${req.token}`;
  let body: string | undefined;
  if (req.body !== undefined) {
    body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url + (req.search ?? ''), { method: req.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** POSTs a GraphQL operation. */
export const gql = (url: string, token: string | null, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Probe> =>
  probe(url, { token, body: { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) } });

/** `[path, code]` of each error, for whole-value assertions. */
export const errorCodes = (body: any): [string | undefined, unknown][] =>
  ((body?.errors ?? []) as { path?: (string | number)[]; extensions?: { code?: unknown } }[]).map((e) => [e.path?.join('.'), e.extensions?.code]);

/** Requests received so far by every mock agency and every subgraph of the stack. */
export function upstreamCalls(stack: InProcessStack): { agencies: Record<string, number>; subgraphs: Record<string, number> } {
  return {
    agencies: Object.fromEntries(Object.entries(stack.mocks.mocks).map(([name, mock]) => [name, mock.stats().requests])),
    subgraphs: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.stats.requests])),
  };
}

/** Runs `fn` and returns its result with what it cost upstream (agency and subgraph requests, by name, non-zero only). */
export async function withUpstream<T>(stack: InProcessStack, fn: () => Promise<T>): Promise<{ result: T; agencies: Record<string, number>; subgraphs: Record<string, number> }> {
  const before = upstreamCalls(stack);
  const result = await fn();
  const after = upstreamCalls(stack);
  const diff = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(b).flatMap(([k, v]) => (v - (a[k] ?? 0) === 0 ? [] : [[k, v - (a[k] ?? 0)]])));
  return { result, agencies: diff(before.agencies, after.agencies), subgraphs: diff(before.subgraphs, after.subgraphs) };
}

/** Lines written to a stack's log sink, kept for assertions about what is (and is not) logged. */
export function logCapture(): { sink: { write(line: string): void }; lines: string[]; text(): string } {
  const lines: string[] = [];
  return { sink: { write: (line) => void lines.push(line) }, lines, text: () => lines.join('') };
}

import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** A decoded RESP2 reply. */
export type RespValue = string | number | null | RespValue[];

/** An error reply from the server (`-ERR …`), as opposed to a connection failure. */
export class RespServerError extends Error {
  override readonly name = 'RespServerError';
}

/** The connection failed, closed or did not answer in time. */
export class RespConnectionError extends Error {
  override readonly name = 'RespConnectionError';
}

/** The few Redis commands the gateway needs, over one pipelined connection. */
export interface RespClient {
  /** Sends one command; replies come back in order. */
  command(args: readonly (string | number)[]): Promise<RespValue>;
  close(): Promise<void>;
}

export interface RespClientOptions {
  /** Longest wait for a reply (and for connecting); the connection is dropped after it so replies stay in step. */
  readonly timeoutMs: number;
}

interface Pending {
  resolve(value: RespValue): void;
  reject(error: Error): void;
}

/** Encodes a command as a RESP array of bulk strings. */
export function encodeCommand(args: readonly (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(String(arg), 'utf8');
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/**
 * Decodes one reply at `offset`; undefined when the buffer does not hold all of it yet. Error replies decode
 * to a RespServerError value, so the caller can reject just that command.
 */
export function decodeReply(buf: Buffer, offset: number): { value: RespValue | RespServerError; next: number } | undefined {
  const lineEnd = buf.indexOf('\r\n', offset);
  if (lineEnd === -1) return undefined;
  const type = String.fromCharCode(buf[offset]!);
  const line = buf.toString('utf8', offset + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: new RespServerError(line), next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: after };
      if (buf.length < after + length + 2) return undefined;
      return { value: buf.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let next = after;
      for (let i = 0; i < count; i += 1) {
        const item = decodeReply(buf, next);
        if (!item) return undefined;
        items.push(item.value instanceof RespServerError ? null : item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new RespConnectionError(`unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}

/**
 * A minimal Redis client on node:net (or node:tls for rediss://): lazy connect, AUTH and SELECT from the URL,
 * pipelined commands, reconnect on the next command after a failure. No dependency beyond Node.
 */
export function createRespClient(redisUrl: string, options: RespClientOptions): RespClient {
  const url = new URL(redisUrl);
  const port = Number(url.port || 6379);
  const host = url.hostname || '127.0.0.1';
  const db = url.pathname.replace(/^\//, '');
  const setup: (string | number)[][] = [];
  if (url.password) setup.push(url.username ? ['AUTH', decodeURIComponent(url.username), decodeURIComponent(url.password)] : ['AUTH', decodeURIComponent(url.password)]);
  if (db !== '' && db !== '0') setup.push(['SELECT', db]);

  let socket: Socket | undefined;
  let buffer: Buffer = Buffer.alloc(0);
  const pending: Pending[] = [];
  let closed = false;

  const fail = (error: Error) => {
    const s = socket;
    socket = undefined;
    buffer = Buffer.alloc(0);
    s?.destroy();
    for (const p of pending.splice(0)) p.reject(error);
  };

  const open = (): Socket => {
    const s = url.protocol === 'rediss:' ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
    s.setNoDelay(true);
    s.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      let offset = 0;
      try {
        for (;;) {
          const reply = decodeReply(buffer, offset);
          if (!reply) break;
          offset = reply.next;
          const waiter = pending.shift();
          if (!waiter) continue;
          if (reply.value instanceof RespServerError) waiter.reject(reply.value);
          else waiter.resolve(reply.value);
        }
      } catch (error) {
        fail(error instanceof Error ? error : new RespConnectionError(String(error)));
        return;
      }
      buffer = offset === buffer.length ? Buffer.alloc(0) : buffer.subarray(offset);
    });
    s.on('error', (error) => {
      if (socket === s) fail(new RespConnectionError(error.message));
    });
    s.on('close', () => {
      if (socket === s) fail(new RespConnectionError('connection closed'));
    });
    return s;
  };

  const send = (args: readonly (string | number)[]): Promise<RespValue> =>
    new Promise<RespValue>((resolve, reject) => {
      if (closed) return reject(new RespConnectionError('client closed'));
      if (!socket) {
        socket = open();
        // Setup replies are consumed like any other; a failed AUTH fails the commands queued behind it too.
        for (const cmd of setup) {
          pending.push({ resolve: () => undefined, reject: (e) => fail(e) });
          socket.write(encodeCommand(cmd));
        }
      }
      const timer = setTimeout(() => fail(new RespConnectionError(`no reply within ${options.timeoutMs} ms`)), options.timeoutMs);
      timer.unref();
      pending.push({
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      socket.write(encodeCommand(args));
    });

  return {
    command: send,
    async close() {
      closed = true;
      const s = socket;
      if (!s) return;
      socket = undefined;
      for (const p of pending.splice(0)) p.reject(new RespConnectionError('client closed'));
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.end();
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 500).unref();
      });
    },
  };
}

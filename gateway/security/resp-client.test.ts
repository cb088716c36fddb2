import { describe, expect, test } from 'vitest';
import { decodeReply, encodeCommand, RespServerError } from './resp-client.js';

describe('RESP encoding', () => {
  test('a command is an array of bulk strings, lengths in bytes', () => {
    expect(encodeCommand(['SET', 'k', 'Việt', 42]).toString('utf8')).toBe('*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\nViệt\r\n$2\r\n42\r\n');
  });

  test('decodes every RESP2 reply type, and waits for incomplete ones', () => {
    const decode = (s: string) => decodeReply(Buffer.from(s), 0);
    expect(decode('+OK\r\n')).toEqual({ value: 'OK', next: 5 });
    expect(decode(':42\r\n')).toEqual({ value: 42, next: 5 });
    expect(decode('$-1\r\n')).toEqual({ value: null, next: 5 });
    expect(decode('$6\r\nViệt\r\n')).toEqual({ value: 'Việt', next: 12 });
    expect(decode('*3\r\n:1\r\n:2\r\n*1\r\n$1\r\nx\r\n')).toEqual({ value: [1, 2, ['x']], next: 23 });
    expect(decode('-ERR wrong\r\n')?.value).toBeInstanceOf(RespServerError);
    expect(decode('$6\r\nVi')).toBeUndefined();
    expect(decode('*2\r\n:1\r\n')).toBeUndefined();
    expect(decode(':4')).toBeUndefined();
  });
});

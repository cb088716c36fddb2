import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the first JSON log line for which `match` returns a value. */
  waitFor<T>(match: (line: Record<string, unknown>) => T | undefined, timeoutMs: number): Promise<T>;
}

/**
 * Starts a Node child whose stderr carries JSON log lines; every line is echoed with the child's name so
 * one terminal shows the whole tree.
 */
export function startChild(name: string, script: string, env: Record<string, string>, echo: (line: string) => void, nodeArgs: readonly string[] = []): Child {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiters = new Set<(line: Record<string, unknown>) => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      echo(`[${name}] ${line}`);
      let parsed: Record<string, unknown> | undefined;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      for (const w of [...waiters]) w(parsed);
    });
  }
  return {
    name,
    process: child,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${name} did not become ready within ${timeoutMs} ms`));
        }, timeoutMs);
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          waiters.delete(check);
          reject(new Error(`${name} exited with code ${code} before it was ready`));
        };
        function check(line: Record<string, unknown>) {
          const value = match(line);
          if (value !== undefined) {
            clearTimeout(timer);
            waiters.delete(check);
            child.off('exit', onExit);
            resolve(value);
          }
        }
        waiters.add(check);
        child.once('exit', onExit);
      });
    },
  };
}

/** Sends SIGTERM to every child, then SIGKILL to any still alive after `graceMs`. */
export async function stopChildren(children: readonly Child[], graceMs = 5000): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.process.exitCode !== null || c.process.signalCode !== null) return resolve();
          const timer = setTimeout(() => c.process.kill('SIGKILL'), graceMs);
          c.process.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          c.process.kill('SIGTERM');
        }),
    ),
  );
}

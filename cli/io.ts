import { resolve } from 'node:path';

/** What a command may touch besides files: output lines, the environment, the working directory. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
}

export function resolvePath(io: Io, path: string): string {
  return resolve(io.cwd, path);
}

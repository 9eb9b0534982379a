/** Where a command reads and writes: the process's by default, a test's in tests. */
export interface CliIo {
  /** The folder the command runs in. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Ends `maru hub` and `maru dev` (Ctrl+C in a terminal). */
  signal?: AbortSignal;
}

/** 0: done, no problems; 1: problems found (each printed with its file and what to change); 2: the command line is wrong. */
export type ExitCode = 0 | 1 | 2;

/** A wrong command line: unknown command or option, a missing value. Exits with 2 and the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints problems under a heading, one a line, and returns exit code 1. */
export function reportProblems(io: CliIo, heading: string, problems: readonly string[]): 1 {
  io.stderr.write(`${heading}\n${problems.map((p) => `  ✗ ${p}`).join('\n')}\n`);
  return 1;
}

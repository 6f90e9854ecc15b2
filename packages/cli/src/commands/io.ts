/** Where a command writes and what it reads: the process's streams in the binary, buffers in tests. */
export interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** The working directory relative paths resolve from. */
  cwd: string;
}

/** A command's exit code: 0 success, 1 failure of the work, 2 bad usage or input. */
export type ExitCode = 0 | 1 | 2;

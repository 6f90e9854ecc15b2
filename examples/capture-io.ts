import type { CommandIo } from '@vmsc/cli';

/**
 * A `CommandIo` for running `vmsc` commands from an example: it keeps what the hub prints (and
 * echoes it when `echo` is given), with the environment the example sets up.
 */
export function captureIo(env: NodeJS.ProcessEnv, echo?: (text: string) => void): CommandIo & { output: () => string } {
  const chunks: string[] = [];
  const write = (text: string) => {
    chunks.push(text);
    echo?.(text);
  };
  return { cwd: process.cwd(), env, stdout: { isTTY: false, write }, stderr: { write }, output: () => chunks.join('') };
}

/** One step of a scripted send: what to send, after how long. */
export interface ScriptStep<T> {
  /** Wait this long (ms) before sending. Default 0. */
  delayMs?: number;
  send: T;
}

/**
 * Plays a script: sends each step's payload through `send`, waiting each step's delay first.
 * Resolves when the last step was sent.
 *
 * @example
 * ```ts
 * await playScript((frame) => socket.send(frame), [
 *   { send: JSON.stringify(welcome) },
 *   { delayMs: 50, send: JSON.stringify(notification) },
 * ]);
 * ```
 */
export async function playScript<T>(send: (payload: T) => void | Promise<void>, steps: ReadonlyArray<ScriptStep<T>>): Promise<void> {
  for (const step of steps) {
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    await send(step.send);
  }
}

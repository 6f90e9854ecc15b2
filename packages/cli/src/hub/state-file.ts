import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What reading the state file found. */
export type StateRead =
  | { kind: 'none' }
  | { kind: 'state'; state: unknown }
  /** The file exists but could not be read or parsed: it was moved aside to `movedTo`, never overwritten. */
  | { kind: 'bad'; error: Error; movedTo: string };

/**
 * Reads the hub's state file. A missing file is "no state"; a file that cannot be read or is not
 * JSON is moved aside to `<file>.bad-<time>` (so that the next save does not overwrite the only copy
 * of the points and counters) and reported.
 */
export async function readStateFile(file: string, now = new Date()): Promise<StateRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'bad', error: error as Error, movedTo: await moveAside(file, now) };
  }
  try {
    return { kind: 'state', state: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'bad', error: new Error(`not JSON: ${(error as Error).message}`), movedTo: await moveAside(file, now) };
  }
}

/** Moves a state file that cannot be used aside; returns its new path. */
export async function moveAside(file: string, now = new Date()): Promise<string> {
  const target = `${file}.bad-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, target);
  return target;
}

/**
 * Saves the state atomically: a temp file beside it, written and fsynced, then renamed over the old
 * one, so that a crash leaves the old file or the new one, never half of one.
 */
export async function writeStateFile(file: string, state: unknown): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(state, null, 2));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

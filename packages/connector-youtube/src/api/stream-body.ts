import { ConnectionError, type VmscError } from '@vmsc/core';
import { JsonArrayStream } from './json-array-stream.js';

/**
 * The elements of a `liveChatMessages.stream` body (one streamed JSON array), each as soon as its
 * last byte arrives. Ends when the server closes the array; throws `networkError(cause)` when
 * reading fails, and a {@link ConnectionError} when the body ends before the array does. Stopping
 * the iteration early releases the body's reader.
 */
export async function* streamElements(
  body: ReadableStream<Uint8Array>,
  networkError: (cause: unknown) => VmscError,
): AsyncGenerator<unknown, void, undefined> {
  const parser = new JsonArrayStream();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw networkError(error);
      }
      if (chunk.done) break;
      yield* parser.push(decoder.decode(chunk.value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
  if (!parser.done) throw new ConnectionError('liveChatMessages.stream: the stream broke off before the end of the array');
}

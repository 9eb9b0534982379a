import { Readable, Transform, pipeline, type Duplex } from 'node:stream';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { SourceError } from './connector.js';
import type { SourceClock } from './source-clock.js';

/**
 * The elements of the array at `path` (keys joined by dots; '' for the whole
 * body) in a JSON body, one at a time: stream-json tokenises the body as it
 * arrives, `pick` drops everything outside the array, and `streamArray`
 * assembles one element at a time, so the body is never held whole.
 */
export async function* streamJsonArray(
  body: ReadableStream<Uint8Array>,
  path: string,
  clock: SourceClock,
  where: string,
): AsyncGenerator<{ key: number; value: unknown }> {
  const notArray = new SourceError(
    path
      ? `no array at ${path} in the response`
      : `the response from ${where} is not a JSON array; set recordsPath to the array inside it`,
  );
  const stages: Duplex[] = [
    parser.asStream(),
    ...(path ? [pick.asStream({ filter: path, once: true })] : []),
    expectArray(notArray),
    streamArray.asStream(),
  ];
  const elements = stages[stages.length - 1]!;
  pipeline([Readable.from(bodyChunks(body, clock, where)), ...stages], () => {
    // Failures reach the loop below through the last stage, which pipeline destroys with them.
  });
  try {
    yield* elements as AsyncIterable<{ key: number; value: unknown }>;
  } catch (error) {
    throw clock.failure(
      error,
      () => new SourceError(`the response from ${where} is not valid JSON: ${(error as Error).message}`),
    );
  }
}

/** The body's chunks, each awaited on the clock; leaving early cancels the body, which closes the connection. */
async function* bodyChunks(
  body: ReadableStream<Uint8Array>,
  clock: SourceClock,
  where: string,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await clock.watch(reader.read()).catch((error: unknown) => {
        throw clock.failure(
          error,
          () => new SourceError(`${where} broke off the response: ${(error as Error).message}`),
        );
      });
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * streamArray would say "Top-level object should be an array."; say which array was expected, and notice when `pick`
 * found none.
 */
function expectArray(error: SourceError): Transform {
  let first = true;
  return new Transform({
    objectMode: true,
    transform(token: { name: string }, _encoding, done) {
      if (first && token.name !== 'startArray') return done(error);
      first = false;
      done(null, token);
    },
    flush(done) {
      done(first ? error : null);
    },
  });
}

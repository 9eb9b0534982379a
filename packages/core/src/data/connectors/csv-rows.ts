import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';

/** One row as csv-parse read it, with the 1-based file line where it starts. */
export type CsvRow = { kind: 'row'; cells: string[]; line: number } | { kind: 'broken'; reason: string; line: number };

export interface CsvRowsOptions {
  delimiter: string;
  encoding: 'utf-8' | 'euc-kr';
  signal: AbortSignal;
}

/**
 * A field this long is taken to be an unclosed quote swallowing the rest of
 * the file; without a bound csv-parse would hold all of it in memory.
 */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field has text after its closing quote',
  INVALID_OPENING_QUOTE:
    'a field that is not quoted has a quote in it; quote the whole field and double the quote ("5"" screen")',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_RECORD_CHARS} characters (a quote that is never closed?)`,
};

/**
 * Streams the rows of a CSV file. When csv-parse cannot read a row (bad
 * quoting), it cannot find where the next row starts either — an unclosed
 * quote swallows everything after it. So the broken row is taken to be its
 * first line, and parsing starts again on the line after it. The bytes up to
 * there are skipped without parsing, counting line breaks from where the last
 * pass began (not from the top), so many broken rows do not make the read
 * quadratic. Counting bytes 0x0A works for UTF-8 and EUC-KR/CP949 alike: no
 * multibyte character contains that byte.
 */
export async function* readCsvRows(file: FileHandle, options: CsvRowsOptions): AsyncGenerator<CsvRow> {
  let pass = { byte: 0, line: 1 };
  for (;;) {
    let brokenAt: CsvRow | undefined;
    for await (const row of parsePass(file, pass, options)) {
      options.signal.throwIfAborted();
      if (row.kind === 'broken') brokenAt = row;
      yield row;
    }
    if (!brokenAt) return;
    const byte = await offsetAfterLines(file, pass.byte, brokenAt.line - pass.line + 1);
    pass = { byte, line: brokenAt.line + 1 };
  }
}

/** Parses from a line start until the end of the file or the first broken row, which is its last item. */
async function* parsePass(
  file: FileHandle,
  from: { byte: number; line: number },
  options: CsvRowsOptions,
): AsyncGenerator<CsvRow> {
  // csv-parse's own line count is off for line breaks inside quoted fields of CRLF files,
  // so lines are counted here from the raw text of each record, in order.
  let nextLine = from.line;
  let broken: CsvRow | undefined;
  const toRow = ({ record, raw }: { record: string[]; raw: string }): CsvRow | null => {
    // Rows parsed after a broken one are out of step with the file; the next pass reads them again.
    if (broken) return null;
    const line = nextLine + leadingLineBreaks(raw);
    nextLine += lineBreaks(raw);
    return { kind: 'row', cells: record, line };
  };
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    // Not relax_quotes: it would read a bad closing quote as text and run on into the next lines.
    // Row lengths are checked against the header by the caller, which reports them as problems.
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    raw: true,
    // With `raw`, csv-parse hands on_record `{ record, raw }`; its types do not model that.
    on_record: toRow as unknown as Options['on_record'],
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      broken ??= { kind: 'broken', reason: reasonOf(error), line: nextLine + leadingLineBreaks(raw ?? '') };
      return undefined;
    },
  });
  pipeline(Readable.from(bytesFrom(file, from.byte, options.encoding, () => broken !== undefined)), parser, () => {
    // Errors reach the loop below through the parser; a pass left early is not one.
  });
  yield* parser as AsyncIterable<CsvRow>;
  if (broken) yield broken;
}

/** The file's bytes from `start`, decoded to UTF-8 when needed, stopping at the next chunk once `stop()` is true. */
async function* bytesFrom(
  file: FileHandle,
  start: number,
  encoding: CsvRowsOptions['encoding'],
  stop: () => boolean,
): AsyncGenerator<Buffer | string> {
  // Read by position rather than through file.createReadStream: destroying that stream
  // closes the handle, and a later pass still needs it.
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  for (let position = start; !stop();) {
    const { bytesRead, buffer } = await file.read({ buffer: Buffer.allocUnsafe(CHUNK_BYTES), position });
    if (bytesRead === 0) break;
    position += bytesRead;
    const chunk = buffer.subarray(0, bytesRead);
    yield decoder ? decoder.decode(chunk, { stream: true }) : chunk;
  }
  if (decoder) yield decoder.decode();
}

/** The byte offset just after the `lines`-th line break counted from `from` (or the end of the file). */
async function offsetAfterLines(file: FileHandle, from: number, lines: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let position = from;
  let left = lines;
  for (;;) {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return position;
    const chunk = buffer.subarray(0, bytesRead);
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
      if (--left === 0) return position + at + 1;
    }
    position += bytesRead;
  }
}

// csv-parse's raw text of a record starts with the empty lines it skipped and ends with
// the first character of the record delimiter (`\n`, or the `\r` of `\r\n`).
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
const leadingLineBreaks = (raw: string) => lineBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? '');

// csv-parse's own messages name lines counted from where the pass began; ours name file lines.
const reasonOf = (error: CsvError | undefined) =>
  REASONS[error?.code ?? ''] ?? (error?.message ?? 'the row cannot be read').replace(/\s*(at|on) line \d+/g, '');

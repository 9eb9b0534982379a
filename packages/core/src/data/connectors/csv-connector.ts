import { badInput } from '../../errors.js';
import { SourceError, type Connector, type SourceItem } from './connector.js';
import { expectConfigObject, expectText } from './connector-config.js';
import { readCsvRows } from './csv-rows.js';
import { checkImportPath, openImportFile } from './import-path.js';

/** A CSV file in the hub's import folder; the first row names the columns. */
export interface CsvConfig {
  /** Relative to the import folder, which it may not leave (no `..`, no absolute path, no link out). */
  path: string;
  /** One character; default `,`. */
  delimiter?: string;
  /** Default `utf-8`. Korean public data often ships as `euc-kr` (read as CP949, its superset). */
  encoding?: 'utf-8' | 'euc-kr';
}

const ENCODINGS = ['utf-8', 'euc-kr'] as const;

/**
 * Reads a CSV file row by row; each row becomes a record of strings keyed by
 * the header (the sync coerces types). Positions are `line N`, the file line
 * where the row starts. A row that cannot be read is a problem and the rows
 * after it are still read.
 */
export const csvConnector: Connector<CsvConfig> = {
  kind: 'CSV',

  checkConfig(config, ctx) {
    const input = expectConfigObject(config, 'CSV', ['path', 'delimiter', 'encoding']);
    const path = checkImportPath(
      expectText(input, 'path', 'the CSV file’s path inside the import folder'),
      ctx.importDir,
    );
    const delimiter = input.delimiter ?? ',';
    if (typeof delimiter !== 'string' || [...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
      throw badInput(
        'connector.delimiter',
        'The delimiter must be one character other than a quote or a line break, e.g. `,`, `;` or a tab.',
      );
    }
    const encoding = input.encoding ?? 'utf-8';
    if (!ENCODINGS.includes(encoding as CsvConfig['encoding'] & string)) {
      throw badInput(
        'connector.encoding',
        `The encoding must be one of ${ENCODINGS.map((e) => `\`${e}\``).join(', ')} (\`euc-kr\` also reads CP949).`,
      );
    }
    return { path, delimiter, encoding: encoding as NonNullable<CsvConfig['encoding']> };
  },

  async *read(config, ctx) {
    const file = await openImportFile(config.path, ctx.importDir);
    try {
      let header: string[] | undefined;
      const rows = readCsvRows(file, {
        delimiter: config.delimiter ?? ',',
        encoding: config.encoding ?? 'utf-8',
        signal: ctx.signal,
      });
      for await (const row of rows) {
        const position = `line ${row.line}`;
        if (!header) {
          if (row.kind === 'broken')
            throw new SourceError(`The header row of CSV file ${config.path} cannot be read: ${row.reason}`);
          header = checkHeader(row.cells, config.path);
        } else if (row.kind === 'broken') {
          yield { kind: 'problem', reason: row.reason, position };
        } else if (row.cells.length !== header.length) {
          yield {
            kind: 'problem',
            reason: `the row has ${row.cells.length} fields, the header has ${header.length}`,
            position,
          };
        } else {
          const names = header;
          // fromEntries defines own properties, so a column named `__proto__` stays a column.
          yield {
            kind: 'record',
            values: Object.fromEntries(row.cells.map((cell, i) => [names[i], cell])),
            position,
          } satisfies SourceItem;
        }
      }
      if (!header) throw new SourceError(`CSV file ${config.path} is empty; its first row must name the columns`);
    } finally {
      await file.close();
    }
  },
};

/** Header names are trimmed; empty or repeated names would make records lose values, so the file is refused. */
function checkHeader(cells: string[], path: string): string[] {
  const names = cells.map((cell) => cell.trim());
  const empty = names.flatMap((name, i) => (name === '' ? [i + 1] : []));
  if (empty.length)
    throw new SourceError(
      `The header row of CSV file ${path} has no name for column ${empty.join(', ')}; name every column`,
    );
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (repeated.length)
    throw new SourceError(
      `The header row of CSV file ${path} ` +
        `repeats ${repeated.map((n) => `"${n}"`).join(', ')}; make column names unique`,
    );
  return names;
}

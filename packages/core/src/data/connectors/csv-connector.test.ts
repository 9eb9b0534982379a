import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError, type ConnectorContext, type SourceItem } from './connector.js';
import { csvConnector, type CsvConfig } from './csv-connector.js';

let root: string;
let importDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'maru-csv-'));
  importDir = join(root, 'import');
  await mkdir(importDir);
  await writeFile(join(root, 'secret.csv'), 'a\nsecret\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const context = (signal = new AbortController().signal): ConnectorContext => ({
  signal,
  importDir,
  allowedHosts: [],
  secret: () => undefined,
});

async function readChecked(config: CsvConfig): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of csvConnector.read(config, context())) items.push(item);
  return items;
}
const readAll = (config: CsvConfig) => readChecked(csvConnector.checkConfig(config, context()));

async function file(name: string, content: string | Buffer): Promise<string> {
  await writeFile(join(importDir, name), content);
  return name;
}

describe('csvConnector', () => {
  it('reads each row as strings keyed by the header, with its line, dropping the BOM and trailing empty lines', async () => {
    const path = await file(
      'good.csv',
      '\ufeffname,count, city \r\nAda,3,Seoul\r\n"Lee, Min","4","Busan\r\nport"\r\n\r\n\r\n',
    );
    expect(await readAll({ path })).toEqual([
      { kind: 'record', values: { name: 'Ada', count: '3', city: 'Seoul' }, position: 'line 2' },
      { kind: 'record', values: { name: 'Lee, Min', count: '4', city: 'Busan\r\nport' }, position: 'line 3' },
    ]);
  });

  it('reports a short row, an unclosed quote and a stray quote as problems at their lines and reads the rows after them', async () => {
    const path = await file(
      'broken.csv',
      [
        'id;name;note',
        '1;one;ok',
        '2;two',
        '3;"three;never closed',
        '',
        '4;four;"quoted; fine"',
        '5;5" screen;bad',
        '6;six;ok',
        '',
      ].join('\n'),
    );
    const items = await readAll({ path, delimiter: ';' });
    expect(items).toEqual([
      { kind: 'record', values: { id: '1', name: 'one', note: 'ok' }, position: 'line 2' },
      { kind: 'problem', reason: 'the row has 2 fields, the header has 3', position: 'line 3' },
      { kind: 'problem', reason: expect.stringContaining('quote'), position: 'line 4' },
      { kind: 'record', values: { id: '4', name: 'four', note: 'quoted; fine' }, position: 'line 6' },
      { kind: 'problem', reason: expect.stringContaining('quote the whole field'), position: 'line 7' },
      { kind: 'record', values: { id: '6', name: 'six', note: 'ok' }, position: 'line 8' },
    ]);
  });

  it('reads the rest of the file after a quote that is never closed up to the end', async () => {
    const path = await file('unclosed.csv', 'a,b\n1,2\n3,"oops\n5,6\n7,8\n');
    expect((await readAll({ path })).map((item) => `${item.kind} ${item.position}`)).toEqual([
      'record line 2',
      'problem line 3',
      'record line 4',
      'record line 5',
    ]);
  });

  it('gives up on an unclosed quote after 4 MiB instead of holding the rest of a large file, and reads on', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},${'x'.repeat(80)}`);
    const path = await file('large-unclosed.csv', ['a,b', '0,"never closed', ...rows, ''].join('\r\n'));
    const items = await readAll({ path });
    expect(items[0]).toEqual({ kind: 'problem', reason: expect.stringContaining('longer than'), position: 'line 2' });
    expect(items).toHaveLength(60_001);
    expect(items[60_000]).toEqual({
      kind: 'record',
      values: { a: '59999', b: 'x'.repeat(80) },
      position: 'line 60002',
    });
  });

  it('decodes EUC-KR files, Korean text intact, even when a character is split between reads', async () => {
    // "시도,인구\n서울특별시,9386034\n" in EUC-KR, repeated past the 64 KiB read size so characters straddle chunks.
    const rows = Array.from({ length: 5000 }, (_, i) => `서울특별시,${i}`);
    const path = await file('korean.csv', eucKr(['시도,인구', ...rows, ''].join('\n')));
    const items = await readAll({ path, encoding: 'euc-kr' });
    expect(items).toHaveLength(5000);
    expect(items.every((item) => item.kind === 'record' && item.values['시도'] === '서울특별시')).toBe(true);
    expect(items[4999]).toEqual({
      kind: 'record',
      values: { 시도: '서울특별시', 인구: '4999' },
      position: 'line 5001',
    });
  });

  it('refuses paths that leave the import folder when the connection is saved', async () => {
    await symlink(join(root, 'secret.csv'), join(importDir, 'link-out.csv'));
    for (const path of ['../secret.csv', join(root, 'secret.csv'), 'link-out.csv', 'sub/../../secret.csv']) {
      expect(() => csvConnector.checkConfig({ path }, context()), path).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field: 'connector.path' } }),
      );
    }
  });

  it('refuses at read time a link out that appeared after the connection was saved', async () => {
    const config = csvConnector.checkConfig({ path: 'later.csv' }, context());
    await symlink(join(root, 'secret.csv'), join(importDir, 'later.csv'));
    await expect(readChecked(config)).rejects.toThrow(
      new SourceError(
        'CSV file later.csv resolves outside the import folder; copy the file into the folder instead of linking it',
      ),
    );
  });

  it('says which file is missing', async () => {
    await expect(readAll({ path: 'nowhere.csv' })).rejects.toThrow(
      new SourceError('CSV file nowhere.csv not found in the import folder'),
    );
  });

  it('refuses a header with empty or repeated column names, naming them', async () => {
    await expect(readAll({ path: await file('empty-name.csv', 'a,,c\n1,2,3\n') })).rejects.toThrow(
      /no name for column 2/,
    );
    await expect(readAll({ path: await file('repeated.csv', 'a,b,a\n1,2,3\n') })).rejects.toThrow(/repeats "a"/);
  });

  it('refuses a bad delimiter, an unknown encoding and unknown settings, naming the field', () => {
    const refused = (config: unknown, field: string) =>
      expect(() => csvConnector.checkConfig(config, context())).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field } }),
      );
    refused({ path: 'a.csv', delimiter: ';;' }, 'connector.delimiter');
    refused({ path: 'a.csv', encoding: 'latin1' }, 'connector.encoding');
    refused({ path: 'a.csv', delimeter: ';' }, 'connector.delimeter');
    refused({ path: '' }, 'connector.path');
  });

  it('stops reading when the sync is cancelled', async () => {
    const path = await file('long.csv', ['n', ...Array.from({ length: 1000 }, (_, i) => String(i))].join('\n'));
    const controller = new AbortController();
    const seen: SourceItem[] = [];
    const reading = (async () => {
      for await (const item of csvConnector.read({ path }, context(controller.signal))) {
        seen.push(item);
        if (seen.length === 3) controller.abort();
      }
    })();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(3);
  });
});

/** EUC-KR encoding by a lookup built from the decoder (Node has no EUC-KR encoder). */
function eucKr(text: string): Buffer {
  const decoder = new TextDecoder('euc-kr');
  const table = new Map<string, number[]>();
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) table.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail]);
  }
  const bytes = (ch: string) => {
    if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
    const pair = table.get(ch);
    if (!pair) throw new Error(`no EUC-KR code for ${ch} in the test table`);
    return pair;
  };
  return Buffer.from([...text].flatMap(bytes));
}

import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createSqliteStore } from './sqlite-store.js';

it('drops at migration an index the collection no longer declares, and keeps the declared ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'maru-stale-index-'));
  try {
    const before = createSqliteStore({ dataDir: dir });
    await before.migrate([{ name: 'items', indexes: [{ name: 'byOld', keys: [['n', 1]] }] }]);
    await before.collection<{ _id: string; n: number }>('items').insertOne({ _id: 'a', n: 1 });
    await before.close();
    const after = createSqliteStore({ dataDir: dir });
    await after.migrate([
      {
        name: 'items',
        indexes: [
          {
            name: 'byNew',
            keys: [
              ['n', 1],
              ['_id', 1],
            ],
          },
        ],
      },
    ]);
    await after.close();
    const db = new DatabaseSync(join(dir, 'maru.sqlite'));
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_items'").all() as Array<{
        name: string;
      }>
    )
      .map((row) => row.name)
      .filter((name) => name.startsWith('ix_'));
    db.close();
    expect(names).toEqual(['ix_items__byNew']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

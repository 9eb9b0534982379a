import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPage, PageCursorError, type Page } from './page.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'maru-page-'));
const store = createSqliteStore({ dataDir: dir });
const ready = store.migrate([{ name: 'page_items', indexes: [{ name: 'page_items_rank', keys: [['rank', -1]] }] }]);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('findPage', () => {
  it('walks a collection page by page in sort order, ties broken by _id, none skipped or repeated while others are inserted', async () => {
    await ready;
    const items = store.collection<{ _id: string; rank: number }>('page_items');
    for (let i = 0; i < 23; i++) await items.insertOne({ _id: `i${String(i).padStart(2, '0')}`, rank: i % 4 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const page: Page<{ _id: string; rank: number }> = await findPage(items, {}, [['rank', -1]], 5, after);
      seen.push(...page.items.map((item) => item.doc._id));
      // Inserted behind the cursor: never shows up in the walk.
      if (round === 1) await items.insertOne({ _id: 'a-late', rank: 3 });
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(0, 6)).toEqual(['i19', 'i15', 'i11', 'i07', 'i03', 'i22']);
    expect(await (await findPage(items, { rank: 0 }, [['rank', 1]], 2)).totalCount()).toBe(6);
  });

  it('refuses a cursor that is not one of this list', async () => {
    const items = store.collection<{ _id: string; rank: number }>('page_items');
    await expect(findPage(items, {}, [['rank', 1]], 5, 'bm90IGEgY3Vyc29y')).rejects.toBeInstanceOf(PageCursorError);
    await expect(
      findPage(items, {}, [['rank', 1]], 5, Buffer.from('["x"]').toString('base64url')),
    ).rejects.toBeInstanceOf(PageCursorError);
  });
});

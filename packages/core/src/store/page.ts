/**
 * A page of a collection by keyset ("seek"), never by offset: pages stay fast
 * and stable however deep a client goes, and no document is skipped or
 * repeated while others are inserted. The cursor is opaque to callers: the
 * sort values of the page's last document (with `_id` breaking ties).
 */
import { keysetAfter, sortValues, withIdTieBreak } from './keyset.js';
import type { Collection, Doc, Filter, Sort } from './port.js';

export interface Page<T> {
  /** The documents of the page, each with the cursor that resumes after it. */
  items: Array<{ cursor: string; doc: T }>;
  hasNextPage: boolean;
  /** The cursor of the last document; null for an empty page. */
  endCursor: string | null;
  /** How many documents match the filter over all pages (counted only when asked). */
  totalCount(): Promise<number>;
}

/** Which page a caller wants: at most `limit` documents, after the cursor of the previous page. */
export interface PageRequest {
  limit: number;
  after?: string | null;
}

/** A cursor that is not one of this sort's: the caller passed something else than an `endCursor`. */
export class PageCursorError extends Error {}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    )
      return values;
  } catch {
    // fall through
  }
  throw new PageCursorError('the cursor does not belong to this list');
}

/** `findPage` with the caller's page request: what a module's list method passes on. */
export function readPage<T extends Doc>(
  collection: Collection<T>,
  filter: Filter,
  sort: Sort,
  request: PageRequest,
): Promise<Page<T>> {
  return findPage(collection, filter, sort, request.limit, request.after);
}

/**
 * `limit` documents of `collection` matching `filter` in `sort` order, after `after` (a previous page's cursor). Sort
 * keys must never be null.
 */
export async function findPage<T extends Doc>(
  collection: Collection<T>,
  filter: Filter,
  sort: Sort,
  limit: number,
  after?: string | null,
): Promise<Page<T>> {
  const keys = withIdTieBreak(sort);
  const pageFilter = after ? { $and: [filter, keysetAfter(sort, decodeCursor(after, keys.length))] } : filter;
  const docs = limit === 0 ? [] : await collection.find(pageFilter, { sort, limit: limit + 1 });
  const items = docs.slice(0, limit).map((doc) => lazyItem(doc, sort));
  return {
    items,
    hasNextPage: docs.length > limit,
    endCursor: items.at(-1)?.cursor ?? null,
    totalCount: () => collection.count(filter),
  };
}

/**
 * A page item whose cursor is encoded when asked for: most pages ask only for `endCursor`, and encoding a cursor for
 * every node was ~2% of an uncached list request (issue #22).
 */
function lazyItem<T extends Doc>(doc: T, sort: Sort): { cursor: string; doc: T } {
  let cursor: string | undefined;
  return {
    get cursor() {
      return (cursor ??= encodeCursor(sortValues(doc, sort)));
    },
    doc,
  };
}

import type { ObjectRef } from '@pothos/core';
import { badInput } from '../errors.js';
import { PageCursorError, type Page, type PageRequest } from '../store/page.js';
import { builder } from './builder.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

interface PageInfoShape {
  hasNextPage: boolean;
  endCursor: string | null;
}

const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: 'Where a page ends and whether another follows (forward pagination with `first` / `after`).',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` to get the next page.' }),
  }),
});

const connectionTypes = new Map<string, ObjectRef<any, any>>();

/** The `<Type>Connection` and `<Type>Edge` types for a node type, made once. */
export function connectionOf<T>(nodeRef: ObjectRef<any, T>, typename: string): ObjectRef<any, ConnectionShape<T>> {
  const existing = connectionTypes.get(typename);
  if (existing) return existing;
  const edge = builder.objectRef<{ cursor: string; node: T }>(`${typename}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: nodeRef, resolve: (e) => e.node as never }),
    }),
  });
  const connection = builder.objectRef<ConnectionShape<T>>(`${typename}Connection`).implement({
    description: `A page of ${typename} objects.`,
    fields: (t) => ({
      edges: t.field({ type: [edge], resolve: (c) => c.edges }),
      nodes: t.field({ type: [nodeRef], resolve: (c) => c.edges.map((e) => e.node) as never }),
      pageInfo: t.field({ type: PageInfo, resolve: (c) => c.pageInfo }),
      totalCount: t.int({ description: 'How many objects match, over all pages.', resolve: (c) => c.totalCount() }),
    }),
  });
  connectionTypes.set(typename, connection);
  return connection;
}

/** `first` and `after` for a connection field. */
export const pageArgs = builder.args((t) => ({
  first: t.int({
    required: false,
    description: `Page size, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`,
  }),
  after: t.string({ required: false, description: 'The `endCursor` of the previous page.' }),
}));

/**
 * A module's page as a Relay connection: `read` is the module's list method (it owns the
 * collection and its visibility rule); this only checks the API's page-size rule, turns a
 * foreign cursor into a coded error and reshapes the page.
 */
export async function toConnection<T>(
  args: PageArgs,
  read: (request: PageRequest) => Promise<Page<T>>,
): Promise<ConnectionShape<T>> {
  // The size is checked when the module reads the page, after its permission check: a caller who
  // may not see the list learns that (UNAUTHENTICATED, FORBIDDEN), not that `first` is too large.
  const request: PageRequest = {
    get limit() {
      const first = args.first ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
        throw badInput(
          'first',
          `\`first\` must be between 0 and ${MAX_PAGE_SIZE}; it was ${first}. Page with \`after\` for more.`,
        );
      }
      return first;
    },
    after: args.after ?? null,
  };
  let page: Page<T>;
  try {
    page = await read(request);
  } catch (error) {
    if (!(error instanceof PageCursorError)) throw error;
    throw badInput(
      'after',
      '`after` is not a cursor of this list; pass the `endCursor` of the previous page, unchanged.',
    );
  }
  return {
    // The cursor read only if the edge's cursor is asked for (the store encodes it then).
    edges: page.items.map((item) => ({
      get cursor() {
        return item.cursor;
      },
      node: item.doc,
    })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

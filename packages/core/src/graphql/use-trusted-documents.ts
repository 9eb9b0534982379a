import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';

/** Trusted documents: sha256 hash (hex) → operation text, as GraphQL Code Generator's client preset writes them. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/**
 * Trusted documents (persisted operations) for first-party clients: the
 * portal sends the hash of an operation it was built with instead of its text
 * (`extensions.persistedQuery.sha256Hash`), so requests are small and a GET
 * of one is a short, cacheable URL. Anyone may still send operation text —
 * the API is public — and an unknown hash is PERSISTED_QUERY_NOT_FOUND, on
 * which a client sends the text instead.
 */
export function useTrustedDocuments(documents: TrustedDocuments): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    allowArbitraryOperations: true,
    customErrors: {
      notFound: {
        message: 'This hub holds no trusted document with that hash: send the operation text in `query` instead.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
      keyNotFound: {
        message:
          'Send the operation in `query`, or the sha256 hash of a ' +
          'trusted document in `extensions.persistedQuery.sha256Hash`.',
        // No operation at all is a malformed request, not a bad argument (GraphQL over HTTP: 400).
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  });
}

import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { HubContext } from '../context.js';

/**
 * Says whether the answer being produced may be served to the next anonymous
 * caller asking the same thing: only an anonymous query (no API key, no
 * subject key), answered without errors, whose resolvers did nothing that
 * must happen on every read (`ctx.caching.sideEffects`: access-logged data
 * reads, metered service calls). Mutations and subscriptions never are.
 */
export function useCacheDecision(): Plugin {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as unknown as HubContext;
      if (ctx.viewer !== null || ctx.subject !== null) return;
      if (getOperationAST(args.document, args.operationName ?? undefined)?.operation !== 'query') return;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          if (!result.errors?.length && !ctx.caching.sideEffects) ctx.caching.storable = true;
        },
      };
    },
  };
}

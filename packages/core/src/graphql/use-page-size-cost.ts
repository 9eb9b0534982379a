import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, Kind, validate, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitInPlainWords } from './use-error-codes.js';

const PAGE_ARGS = new Set(['first', 'last']);

/**
 * graphql-armor's cost limit multiplies a list's cost by a literal `first`,
 * but it runs at validation, before variables are known, so `first: $n`
 * counted as 1 and nested 100-item pages passed. Once the variables are
 * known (before any resolver runs), the page sizes they carry are written
 * into the document and the same cost rule runs again.
 */
export function usePageSizeCost(options: { maxCost: number }): Plugin {
  // Most documents pass no page size as a variable: found out once per document, not per request.
  const withPageVariables = new WeakMap<DocumentNode, boolean>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let relevant = withPageVariables.get(args.document);
      if (relevant === undefined) withPageVariables.set(args.document, (relevant = hasPageVariables(args.document)));
      if (!relevant) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const inlined = inlinePageSizes(args.document, variables);
      if (!inlined) return;
      let errors: readonly GraphQLError[];
      try {
        // Fragments flattened as in the first pass (create-hub.ts): the same rule, now with the page sizes.
        errors = validate(args.schema, inlined, [costLimitRule({ ...options, flattenFragments: true })]);
      } catch (error) {
        // armor's rule throws when it rejects (see useErrorCodes).
        errors = [error instanceof GraphQLError ? error : new GraphQLError(String((error as Error).message))];
      }
      if (errors.length === 0) return;
      setResultAndStopExecution({
        errors: errors.map(
          (error) =>
            new GraphQLError(limitInPlainWords(error.message) ?? error.message.replace(/^Syntax Error: /, ''), {
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
        ),
      });
    },
  };
}

/** The document with `first`/`last` variables replaced by their integer values, or null when there are none. */
function inlinePageSizes(document: DocumentNode, variables: Record<string, unknown>): DocumentNode | null {
  let replaced = false;
  const inlined = visit(document, {
    Argument(node) {
      if (!PAGE_ARGS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const value = variables[node.value.name.value];
      if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
      replaced = true;
      return { ...node, value: { kind: Kind.INT, value: String(value) } };
    },
  });
  return replaced ? inlined : null;
}

function hasPageVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (PAGE_ARGS.has(node.name.value) && node.value.kind === Kind.VARIABLE) found = true;
    },
  });
  return found;
}

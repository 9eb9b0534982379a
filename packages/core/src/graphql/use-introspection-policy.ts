import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { HubContext } from '../context.js';
import { ERROR_CODES } from '../errors.js';

/**
 * Who may ask the schema about itself (`__schema`, `__type`): everyone (`public`), callers with a key or session
 * (`signed-in`), or nobody (`off`). `__typename` is always allowed: clients need it to read unions.
 */
export type IntrospectionPolicy = 'public' | 'signed-in' | 'off';

export const INTROSPECTION_POLICIES: readonly IntrospectionPolicy[] = ['public', 'signed-in', 'off'];

/**
 * Refuses introspection the policy does not allow, with INTROSPECTION_DISABLED, before any resolver runs. It runs on
 * execution rather than as a validation rule: yoga caches validation per document, and the answer here depends on the
 * caller.
 */
export function useIntrospectionPolicy(policy: IntrospectionPolicy): Plugin {
  if (policy === 'public') return {};
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as HubContext;
      if (policy === 'signed-in' && (ctx.viewer || ctx.subject)) return;
      if (!asksForIntrospection(args.document, args.operationName ?? undefined)) return;
      const message =
        policy === 'off'
          ? 'This hub answers no introspection (`MARU_INTROSPECTION=off`). Read the schema from the SDL file the ' +
            'hub publishes (docs/reference/schema.graphql) instead.'
          : 'This hub answers introspection to signed-in callers only: send `Authorization: Bearer <api key>`, or ' +
            'read the schema from the SDL file the hub publishes (docs/reference/schema.graphql).';
      setResultAndStopExecution({
        errors: [
          new GraphQLError(message, {
            extensions: { code: 'INTROSPECTION_DISABLED', http: { status: ERROR_CODES.INTROSPECTION_DISABLED.http } },
          }),
        ],
      });
    },
  };
}

/** Whether the operation that runs selects `__schema` or `__type`, directly or through fragments. */
export function asksForIntrospection(document: DocumentNode, operationName?: string): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD)
        return selection.name.value === '__schema' || selection.name.value === '__type';
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return !!fragment && walk(fragment.selectionSet);
    });
  return walk(operation.selectionSet);
}

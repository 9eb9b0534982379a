import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

export interface JitOptions {
  /** Told once per document graphql-jit cannot compile; that document runs on graphql-js. */
  onFallback?: (operationName: string | null, reason: string) => void;
}

/** Compiled code, `null` when graphql-jit could not compile it, `SEEN` after the first run. */
type Compiled = CompiledQuery | null | typeof SEEN;
const SEEN = Symbol('seen once');

/**
 * Queries and mutations run as code graphql-jit generated for their document,
 * compiled once per (schema, document, operation) — yoga's parse cache hands
 * back the same document object for the same text, and the schema object is
 * rebuilt whenever plugins change, so neither cache outlives what it was built
 * for. A document is compiled on its second run: compiling costs more than
 * running once, and one-off documents (ad-hoc queries, literals that vary)
 * would pay it for nothing. A document graphql-jit cannot compile falls back
 * to graphql-js, as do subscriptions (few, long-lived).
 */
export function useJit(options: JitOptions = {}): Plugin {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Compiled>>>();

  function compiled(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
  ): CompiledQuery | null {
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    let byOperation = byDocument.get(document);
    if (!byOperation) byDocument.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    const entry = byOperation.get(key);
    if (entry === undefined) {
      byOperation.set(key, SEEN);
      return null;
    }
    if (entry !== SEEN) return entry;
    const compiledEntry = compile(schema, document, operationName ?? undefined, options);
    byOperation.set(key, compiledEntry);
    return compiledEntry;
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const entry = compiled(args.schema, args.document, args.operationName);
      if (!entry) return;
      setExecuteFn((run) => {
        const result = entry.query(run.rootValue, run.contextValue, run.variableValues) as
          ExecutionResult | Promise<ExecutionResult>;
        // Variables that do not coerce: no resolver ran, and graphql-jit's words differ from graphql-js's (wrong
        // variable names, no locations, no HTTP status 400). Run the request on graphql-js, which refuses it in its
        // own words, so the answer is the same on every repetition.
        if (!isThenable(result) && refusedVariables(result)) return executeFn(run);
        return isThenable(result)
          ? Promise.resolve(result).then((r) => withNodes(r, run.document, run.operationName))
          : withNodes(result, run.document, run.operationName);
      });
    },
  };
}

function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  options: JitOptions,
): CompiledQuery | null {
  try {
    const result = compileQuery(schema, document, operationName);
    if (isCompiledQuery(result)) return result;
    // Not compiled: graphql-js runs it and reports the same problem to the caller in its own words.
    options.onFallback?.(operationName ?? null, result.errors?.map((e) => e.message).join('; ') ?? 'not compiled');
  } catch (error) {
    options.onFallback?.(operationName ?? null, (error as Error).message);
  }
  return null;
}

/**
 * graphql-jit's field errors carry `locations` but not the AST nodes they
 * come from, and yoga rebuilds errors from their nodes (masking, stripping
 * internals), which loses the locations graphql-js would report. Give each
 * error its field node back, found by following its path through the
 * operation (aliases, fragments).
 */
function withNodes(
  result: ExecutionResult,
  document: DocumentNode,
  operationName: string | null | undefined,
): ExecutionResult {
  if (!result.errors?.length || result.errors.every((e) => e.nodes?.length || !e.path)) return result;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return result;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const errors = result.errors.map((error) => {
    if (error.nodes?.length || !error.path) return error;
    let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
    let field: FieldNode | undefined;
    for (const segment of error.path) {
      if (typeof segment === 'number') continue;
      field = selectionSet ? findField(selectionSet, segment, fragments) : undefined;
      if (!field) return error;
      selectionSet = field.selectionSet;
    }
    return field
      ? new GraphQLError(error.message, {
          nodes: [field],
          path: error.path,
          originalError: error.originalError,
          extensions: error.extensions,
        })
      : error;
  });
  return { ...result, errors };
}

function findField(
  selectionSet: SelectionSetNode,
  responseKey: string,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD && (selection.alias ?? selection.name).value === responseKey) return selection;
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : selection.kind === Kind.FRAGMENT_SPREAD
          ? fragments.get(selection.name.value)?.selectionSet
          : undefined;
    const found = inner && findField(inner, responseKey, fragments);
    if (found) return found;
  }
  return undefined;
}

/** graphql-jit answers `{ errors }` without `data` only when the variables did not coerce (execution never began). */
function refusedVariables(result: ExecutionResult): boolean {
  return !('data' in result) && !!result.errors?.length && result.errors.every((e) => !e.path);
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T>)?.then === 'function';
}

import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.js';

const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit)/i;

function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

function classify(error: GraphQLError, fallback: ErrorCode): GraphQLError {
  return withCode(error, LIMIT_MESSAGE.test(error.message) ? 'QUERY_TOO_COMPLEX' : fallback);
}

/**
 * Gives the errors graphql-js and graphql-armor raise before execution a
 * stable `extensions.code`, so clients never have to parse messages:
 * syntax → GRAPHQL_PARSE_FAILED, schema mismatch → GRAPHQL_VALIDATION_FAILED,
 * armor's limits → QUERY_TOO_COMPLEX, bad variable values → BAD_USER_INPUT.
 */
export function useErrorCodes(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof Error) replaceParseResult(classify(result as GraphQLError, 'GRAPHQL_PARSE_FAILED'));
      };
    },
    onValidate({ validateFn, setValidationFn }) {
      // armor's validation rules throw on rejection instead of reporting, which would skip the
      // hook below and reach the masker as an unexpected error; make the throw a validation result.
      setValidationFn((...args) => {
        try {
          return validateFn(...args);
        } catch (error) {
          if (error instanceof Error && LIMIT_MESSAGE.test(error.message)) return [error as GraphQLError];
          throw error;
        }
      });
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => classify(error, 'GRAPHQL_VALIDATION_FAILED')));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          // Errors without a path were raised while coercing variables, before any resolver.
          const errors = result.errors.map((error) => (error.path ? error : withCode(error, 'BAD_USER_INPUT')));
          setResult({ ...result, errors });
        },
      };
    },
  };
}

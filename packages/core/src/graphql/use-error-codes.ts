import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.js';

const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit)/i;
const ARMOR_LIMIT =
  /^(?:Syntax Error: )?(Query depth|Query Cost|Aliases|Directives|Token) limit of (\d+) exceeded(?:, found (\d+))?/i;

/**
 * graphql-armor's refusal in plain words — which limit, how far over, what to do — or null for any other message.
 * armor words every refusal as a "Syntax Error:" although the operation is valid GraphQL.
 */
export function limitInPlainWords(message: string): string | null {
  const match = ARMOR_LIMIT.exec(message);
  if (!match) return null;
  const [, limit, max, found] = match;
  const over = found ? ` (it has ${found})` : '';
  switch (limit!.toLowerCase()) {
    case 'query depth':
      return (
        `The operation nests fields deeper than this hub allows: at most ${max} levels${over}. ` +
        'Ask for less nested data, or fetch the deeper part with a second operation (e.g. by id with node(id:)).'
      );
    case 'query cost':
      return (
        `The operation asks for more than this hub answers at once: its cost is at most ${max}${over}, each field ` +
        'counting once per item of the pages around it. Ask for smaller pages (first), fewer nested lists, or ' +
        'split it into several operations.'
      );
    case 'aliases':
      return `The operation uses more aliases than this hub allows: at most ${max}${over}. Split it into several operations.`;
    case 'directives':
      return `The operation uses more directives than this hub allows: at most ${max}${over}. Remove repeated directives.`;
    default:
      return (
        `The operation is longer than this hub allows: at most ${max} tokens (names, punctuation, literal values). ` +
        'Pass values as variables, ask for fewer fields, or split it into several operations.'
      );
  }
}

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
  const plain = error.extensions?.code ? null : limitInPlainWords(error.message);
  if (plain === null) return withCode(error, fallback);
  return new GraphQLError(plain, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: 'QUERY_TOO_COMPLEX' },
  });
}

/**
 * Gives the errors graphql-js and graphql-armor raise before execution a
 * stable `extensions.code`, so clients never have to parse messages:
 * syntax → GRAPHQL_PARSE_FAILED, schema mismatch → GRAPHQL_VALIDATION_FAILED,
 * armor's limits → QUERY_TOO_COMPLEX (in plain words), bad variable values → BAD_USER_INPUT.
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

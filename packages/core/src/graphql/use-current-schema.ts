import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Gives every request the schema of the moment: the core's types plus the typed fields of the plugins enabled now
 * (`current` rebuilds it once per change of the plugins, not per request). envelop ignores setting the schema it
 * already has, so a request costs one comparison.
 */
export function useCurrentSchema(current: () => GraphQLSchema): Plugin {
  return {
    onPluginInit({ setSchema }) {
      setSchema(current());
    },
    onEnveloped({ setSchema }) {
      setSchema(current());
    },
  };
}

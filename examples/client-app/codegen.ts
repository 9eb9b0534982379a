import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every operation in src/, from the hub's published SDL. Codegen
// checks each operation against the schema: a field or argument the schema
// no longer has fails `npm run build` here, before any user sees it.
const config: CodegenConfig = {
  schema: '../../docs/reference/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  errorsOnly: true,
  // `.js` in the generated imports, as Node's ESM resolution wants.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings: no GraphQL runtime in the client, only fetch.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown', File: 'File' },
      },
    },
  },
};

export default config;

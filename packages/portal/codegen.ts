import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every operation in src/, from the hub's published SDL. Codegen
// validates each document against the schema and fails the build on a mismatch.
const config: CodegenConfig = {
  schema: '../../docs/reference/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
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

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
      // Each operation carries the sha256 hash of its text, and src/gql/persisted-documents.json maps
      // hashes to texts: the hub serves these as trusted documents (the portal sends hashes, not texts).
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
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

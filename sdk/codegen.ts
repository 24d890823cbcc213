import type { CodegenConfig } from '@graphql-codegen/cli';

// Operation types only (typescript + typescript-operations), no runtime code: the client keeps
// zero runtime dependencies. Reads the committed ../schema.graphql, never a live server, and the
// documents in src/operations.ts (plucked from their /* GraphQL */ comments).
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/operations.ts'],
  generates: {
    'src/__generated__/graphql.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        scalars: { Decimal: 'string', DateTime: 'string', JSON: 'unknown', SafeInt: 'number' },
        strictScalars: true,
        onlyOperationTypes: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

// The client preset (typed documents used with Apollo Client 4's own hooks) rather than
// typescript-react-apollo: that plugin only knows Apollo Client <= 3, and its generated
// suspense overloads fail type-checking with AC4 (see ../shared/STACK-NOTES.md). Typed documents
// give the same end-to-end typing with nothing to @ts-nocheck.
// Codegen reads the committed schema.graphql, never a live server (CONVENTIONS 12).
const scalars = {
  Decimal: 'string',
  DateTime: 'string',
  JSON: 'unknown',
  SafeInt: 'number',
};

const appOutput = (app: string) => ({
  [`${app}/src/__generated__/`]: {
    // The web kit's fragments (the fields its components render) are part of each app's documents.
    documents: [`${app}/src/**/*.graphql`, 'web-kit/src/**/*.graphql'],
    preset: 'client' as const,
    presetConfig: { fragmentMasking: false },
    config: {
      scalars,
      enumsAsTypes: true,
      useTypeImports: true,
      strictScalars: true,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    },
  },
});

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  // CODEGEN_APP=admin-web limits a run to one app (handy while the other app's documents are mid-edit).
  generates: Object.assign(
    {},
    ...(process.env.CODEGEN_APP ? [process.env.CODEGEN_APP] : ['admin-web', 'customer-web']).map(appOutput),
  ),
};

export default config;

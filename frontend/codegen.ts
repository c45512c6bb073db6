// GraphQL Code Generator: types for every operation in src/, from the committed schema.
// Run by `npm run codegen` and before every build; the output (src/gql/) is committed too.
import type { CodegenConfig } from "@graphql-codegen/cli";
import { trustedDocumentId } from "./trustedDocumentText.ts";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*", "!src/**/*.test.{ts,tsx}"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      // persisted-documents.json {id: text} of every operation, the trusted documents the SPA
      // sends by id (each document carries its id in __meta__.hash); the id is the SHA-256 of
      // the text the server runs, which has __typename where graphcache wants it
      // (trustedDocumentText.ts; vite.config.ts writes that text to dist/trusted-documents.json)
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: trustedDocumentId } },
      config: {
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        defaultScalarType: "unknown",
      },
    },
  },
};

export default config;

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { createSchema } from '../schema.js';
import { ErrorCode } from '../core/graphql/errors.js';

// Prints the schema from code. ErrorCode is not referenced by any field, so it is appended as
// its own enum: clients generate their error-code union from the schema, not a hand-kept copy.
const target = resolve(process.argv[2] ?? 'schema.graphql');
const schema = await createSchema();
const errorCodes = `"""Values of extensions.code on every GraphQL error."""\nenum ErrorCode {\n${Object.values(ErrorCode).map((c) => `  ${c}`).join('\n')}\n}\n`;
const printed = `${printSchema(schema)}\n\n${errorCodes}`;
writeFileSync(target, printed);
console.log(`wrote ${target}`);

#!/usr/bin/env node
// Checks that a printed schema keeps the public contract: every type, field, argument and
// enum value of api-contract.graphql (beside this file) must stand in it unchanged (additions
// are fine). With --next it also lists what the next wave (api-contract-next.graphql) still lacks.
// Adapted from the upstream contract's own tool so that a clone checks itself: it reads the
// contract from this folder instead of the upstream's. Run it through `pnpm check:contract`
// (scripts/check-contract.mjs), which also keeps this folder equal to the upstream when present.
// Usage, from the project root: node contract/check-contract.mjs schema.graphql [--next]
// Exit 0 when the contract (and with --next, the next wave too) holds; 1 with one line per
// breach or gap; 2 when it cannot run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const next = args.includes('--next');
const schemaPath = resolve(args.find((a) => !a.startsWith('--')) ?? 'schema.graphql');
const contractPath = join(here, 'api-contract.graphql');
const nextPath = join(here, 'api-contract-next.graphql');

// graphql-js is the project's own dependency: find it from the project's packages.
function loadGraphql() {
  const bases = [
    'package.json',
    'server/package.json',
    'admin-web/package.json',
    'customer-web/package.json',
  ];
  for (const base of bases) {
    try {
      return createRequire(join(here, '..', base))('graphql');
    } catch {
      // not installed from this package: try the next one
    }
  }
  console.error('check-contract: graphql is not installed in this project (run the install first)');
  process.exit(2);
}

const { buildSchema, findBreakingChanges } = loadGraphql();
let contract, wave, schema;
try {
  const first = readFileSync(contractPath, 'utf8');
  contract = buildSchema(first);
  if (next) wave = buildSchema(`${first}\n${readFileSync(nextPath, 'utf8')}`);
  schema = buildSchema(readFileSync(schemaPath, 'utf8'));
} catch (error) {
  console.error(`check-contract: cannot read a schema: ${error.message}`);
  process.exit(2);
}

const breaches = findBreakingChanges(contract, schema);
for (const breach of breaches) console.log(`${breach.type}: ${breach.description}`);
console.log(
  breaches.length === 0
    ? 'contract holds: 0 breaches'
    : `contract broken: ${breaches.length} breaches of contract/api-contract.graphql`,
);
let gaps = [];
if (next) {
  const known = new Set(breaches.map((b) => b.description));
  gaps = findBreakingChanges(wave, schema).filter((b) => !known.has(b.description));
  for (const gap of gaps) console.log(`next: ${gap.type}: ${gap.description}`);
  console.log(
    gaps.length === 0
      ? 'next wave holds: 0 gaps'
      : `next wave: ${gaps.length} names of contract/api-contract-next.graphql still missing or different`,
  );
}
process.exit(breaches.length === 0 && gaps.length === 0 ? 0 : 1);

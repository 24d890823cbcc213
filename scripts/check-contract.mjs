#!/usr/bin/env node
// `pnpm check:contract`: checks the printed schema against the project's copy of the public
// contract (contract/), so a clone with nothing beside it checks itself. Where the upstream
// contract is checked out beside the project (../shared), the copy must equal it byte for byte
// (a stale copy would let a breach through), and the upstream's own tool runs too.
// Usage: node scripts/check-contract.mjs [schema.graphql] [--next]
// Exit 0 when everything holds; 1 on a breach, a gap (--next) or a stale copy; 2 when it cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const copy = join(root, 'contract');
const upstream = join(root, '..', 'shared');
const CONTRACT_FILES = [
  'api-contract.graphql',
  'api-contract.md',
  'api-contract-next.graphql',
  'api-contract-next.md',
];
const args = process.argv.slice(2);

function runTool(tool) {
  const result = spawnSync(process.execPath, [tool, ...args], { cwd: root, stdio: 'inherit' });
  return result.status ?? 2;
}

let status = runTool(join(copy, 'check-contract.mjs'));

if (existsSync(join(upstream, 'api-contract.graphql'))) {
  const stale = CONTRACT_FILES.filter(
    (file) =>
      existsSync(join(upstream, file)) &&
      (!existsSync(join(copy, file)) ||
        !readFileSync(join(upstream, file)).equals(readFileSync(join(copy, file)))),
  );
  for (const file of stale) console.log(`contract/${file} differs from ../shared/${file}: copy it over`);
  console.log(
    stale.length === 0 ? 'contract copy matches ../shared' : `contract copy stale: ${stale.length} files`,
  );
  if (stale.length > 0) status = Math.max(status, 1);
  const upstreamTool = join(upstream, 'tools', 'check-contract.mjs');
  if (existsSync(upstreamTool)) status = Math.max(status, runTool(upstreamTool));
}

process.exit(status);

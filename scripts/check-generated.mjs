#!/usr/bin/env node
// Fails when generated files (schema.graphql, the apps' and the sdk's __generated__) differ from
// what the code produces. `pnpm build` regenerates them; this compares the result with what git has committed.
import { execSync } from 'node:child_process';

const paths = ['schema.graphql', 'admin-web/src/__generated__', 'customer-web/src/__generated__', 'sdk/src/__generated__'];
execSync('node server/dist/scripts/print-schema.js schema.graphql', { stdio: 'ignore' });
execSync('pnpm exec graphql-codegen --config codegen.ts --silent', { stdio: 'inherit' });
// The sdk's operation types, from the same schema.graphql (codegen also fails if its documents no longer validate).
execSync('pnpm --filter @usage-monitor/sdk exec graphql-codegen --config codegen.ts --silent', { stdio: 'inherit' });
let changed = '';
try {
  changed = execSync(`git status --porcelain -- ${paths.join(' ')}`, { encoding: 'utf8' }).trim();
} catch {
  console.log('check:generated: not a git checkout; regenerated files in place');
  process.exit(0);
}
if (changed) {
  console.error(`Generated files differ from the committed ones (commit the regenerated files):\n${changed}`);
  execSync(`git --no-pager diff --stat -- ${paths.join(' ')}`, { stdio: 'inherit' });
  process.exit(1);
}
console.log('check:generated: schema.graphql and generated client code match the code');

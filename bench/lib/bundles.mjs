// B7: the JavaScript a browser must fetch before each SPA can render: the entry script, every
// chunk index.html modulepreloads, and (to be sure none is missed) every chunk those import
// statically. Lazily loaded chunks (dynamic import(), e.g. charts) are not counted.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './servers.mjs';

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w$\s{},*]+?from\s*)?["']\.\/([^"']+\.js)["']/g;

export function initialJavaScript(app) {
  const dist = join(ROOT, app, 'dist');
  const html = join(dist, 'index.html');
  if (!existsSync(html)) throw new Error(`${app}/dist is missing: run \`pnpm build\` first`);
  const assets = join(dist, 'assets');
  const queue = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="[^"]*\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  let gzipped = 0;
  while (queue.length) {
    const file = basename(queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(assets, file));
    gzipped += gzipSync(code, { level: 9 }).length;
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(match[1]);
  }
  return { files: seen.size, kb: gzipped / 1024 };
}

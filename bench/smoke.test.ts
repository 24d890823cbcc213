import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bench = import.meta.dirname;

describe('pnpm bench --short', () => {
  it('runs every scenario against the built server without errors or lost events and writes its table', () => {
    const run = spawnSync(process.execPath, [join(bench, 'run.mjs'), '--short'], { encoding: 'utf8', timeout: 280_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-4000)).toBe(0);
    const table = readFileSync(join(bench, 'out', 'short.md'), 'utf8');
    expect(table).toContain('| # | scenario | measured | target | result |');
    for (const id of ['B0', 'B1', 'B1t', 'B2', 'B2t', 'B3', 'B3t', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B1x2']) expect(table).toMatch(new RegExp(`^\\| ${id} \\|`, 'm'));
    expect(table).not.toContain('**Errors:**');
  });
});

// Runs one load job in a separate Node process (lib/load-worker.mjs) and returns its figures.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './servers.mjs';

export function runLoad(job) {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, 'bench', 'lib', 'load-worker.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (message) => {
      settled = true;
      child.kill();
      if (message.error) reject(new Error(`load generator failed: ${message.error}`));
      else resolve(message.result);
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(job);
  });
}

/** Samples a process's resident memory every 100 ms until stopped; returns the highest seen (MB). */
export function sampleMemory(memoryOf, pid) {
  let max = 0;
  const timer = setInterval(() => {
    max = Math.max(max, memoryOf(pid).rssMb);
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(max, memoryOf(pid).rssMb);
  };
}

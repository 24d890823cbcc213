#!/usr/bin/env node
// Development: the server rebuilt and restarted on change (tsc --watch + node --watch), and both
// apps on Vite dev servers proxying /graphql (HTTP and WebSocket) to it.
import { spawn } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const processes = [
  spawn('pnpm', ['--filter', 'server', 'exec', 'tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
  spawn('node', [...SERVER_NODE_FLAGS, '--watch-path=server/dist', 'server/dist/main.js'], { stdio: 'inherit', env: { ...process.env, DEMO_DATA: process.env.DEMO_DATA ?? '1' } }),
  spawn('pnpm', ['--filter', 'admin-web', 'dev', '--port', '5173'], { stdio: 'inherit' }),
  spawn('pnpm', ['--filter', 'customer-web', 'dev', '--port', '5174'], { stdio: 'inherit' }),
];
const stop = () => processes.forEach((p) => p.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log('dev: API http://localhost:4000/graphql · admin http://localhost:5173/admin/ · portal http://localhost:5174/portal/');

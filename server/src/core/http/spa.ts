import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/**
 * Serves a built SPA under a base path: hashed assets with long caching, and index.html for any
 * other path so client-side routes survive a reload. A missing build answers with a hint.
 */
export function spaRouter(distDir: string, name: string): Router {
  const router = express.Router();
  const indexPath = join(distDir, 'index.html');
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(indexPath)) {
      res.status(503).type('text/plain').send(`The ${name} app is not built yet: run "pnpm build".`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(readFileSync(indexPath));
  });
  return router;
}

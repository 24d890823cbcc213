import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { metrics } from './metrics.js';

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** `GET /metrics` in Prometheus text format; with METRICS_TOKEN set, only for `Bearer <token>`. */
export function metricsHandler(token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token) {
      const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!match || !sameSecret(match[1]!, token)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return void res
          .status(401)
          .type('text/plain')
          .send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

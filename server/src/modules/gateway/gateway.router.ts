import express from 'express';
import type { Logger } from 'pino';
import type { GatewayService } from './gateway.service.js';
import { elevenLabsRoutes } from './elevenlabs/elevenlabs.routes.js';
import { openAiRoutes } from './openai/openai.routes.js';
import type { CallRecordsService } from './smartflo/call-records.service.js';
import { smartfloRoutes } from './smartflo/smartflo.routes.js';

export interface GatewayRouteOptions {
  openAiBaseUrl: string;
  elevenLabsBaseUrl: string;
  timeoutMs: number;
}

/** Every route of the metering gateway, under /gateway (api-contract-next.md "The metering gateway"). */
export function gatewayRouter(gateway: GatewayService, callRecords: CallRecordsService, options: GatewayRouteOptions, logger: Logger): express.Router {
  const router = express.Router();
  router.use('/openai/v1', openAiRoutes(gateway, { baseUrl: options.openAiBaseUrl.replace(/\/+$/, ''), timeoutMs: options.timeoutMs }, logger));
  router.use('/smartflo', smartfloRoutes(callRecords));
  router.use('/elevenlabs', elevenLabsRoutes(gateway, { baseUrl: options.elevenLabsBaseUrl.replace(/\/+$/, ''), timeoutMs: options.timeoutMs }, logger));
  router.use((req, res) => res.status(404).json({ error: { message: `The gateway does not serve ${req.method} /gateway${req.path}`, code: 'NOT_FOUND' } }));
  // Malformed JSON and oversized bodies answer in the provider's usual envelope, naming the problem.
  router.use(((error, _req, res, _next) => {
    const status = (error as { status?: number }).status;
    if ((error as { type?: string }).type === 'entity.too.large') return void res.status(413).json({ error: { message: 'The request body is too large', type: 'invalid_request_error', param: null, code: 'PAYLOAD_TOO_LARGE' } });
    if (status && status >= 400 && status < 500) return void res.status(400).json({ error: { message: 'The request body is not valid JSON', type: 'invalid_request_error', param: null, code: 'BAD_REQUEST' } });
    logger.error({ err: (error as Error).message }, 'gateway request failed');
    if (!res.headersSent) res.status(500).json({ error: { message: 'Internal error in the gateway', type: 'gateway_error', param: null, code: 'INTERNAL_SERVER_ERROR' } });
    else res.destroy();
  }) as express.ErrorRequestHandler);
  return router;
}

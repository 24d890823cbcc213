import express, { type Response } from 'express';
import type { CallRecordsResult, CallRecordsService } from './call-records.service.js';

/** A delivery of up to 1,000 records of about a kilobyte each fits. */
export const SMARTFLO_BODY_LIMIT = '4mb';

function webhookError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error: { code, message, ...extra } });
}

function answer(res: Response, result: CallRecordsResult): void {
  switch (result.kind) {
    case 'unauthenticated':
      return webhookError(res, 401, 'UNAUTHENTICATED', 'Missing or unknown X-Usage-Webhook-Token: an admin creates the tenant’s token (rotateGatewayWebhookToken) and sets it on the Smartflo webhook');
    case 'bad-request':
      return webhookError(res, 400, 'BAD_USER_INPUT', `Not a Smartflo call record: ${result.problems[0]}; nothing was stored`, { problems: result.problems });
    case 'unavailable':
      res.setHeader('retry-after', '5');
      return webhookError(res, 503, 'SERVICE_UNAVAILABLE', 'Usage Monitor cannot store call records right now; deliver again shortly');
    case 'received': {
      const count = (outcome: string) => result.records.filter((r) => r.outcome === outcome).length;
      res.status(200).json({ received: result.records.length, recorded: count('recorded'), duplicates: count('duplicate'), conflicts: count('conflict'), records: result.records });
    }
  }
}

/**
 * POST /gateway/smartflo/call-records: Smartflo's call-hangup webhook (a JSON record, an array of
 * them, or one record form-encoded), authenticated by the tenant's X-Usage-Webhook-Token.
 */
export function smartfloRoutes(callRecords: CallRecordsService): express.Router {
  const router = express.Router();
  const bodies = [express.json({ limit: SMARTFLO_BODY_LIMIT }), express.urlencoded({ extended: false, limit: SMARTFLO_BODY_LIMIT })];
  const authenticate: express.RequestHandler = async (req, res, next) => {
    const token = req.headers['x-usage-webhook-token'];
    const who = await callRecords.authenticate(typeof token === 'string' ? token : undefined);
    if ('kind' in who) return answer(res, who);
    res.locals.tenantId = who.tenantId;
    next();
  };
  router.post('/call-records', authenticate, ...bodies, async (req, res) => answer(res, await callRecords.receive(res.locals.tenantId as string, req.body)));
  router.use(((error, _req, res, next) => {
    if ((error as { type?: string }).type === 'entity.too.large') return void webhookError(res, 413, 'PAYLOAD_TOO_LARGE', `A delivery may be at most ${SMARTFLO_BODY_LIMIT}`);
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) return void webhookError(res, 400, 'BAD_REQUEST', 'The body is not valid JSON; nothing was stored');
    next(error);
  }) as express.ErrorRequestHandler);
  return router;
}

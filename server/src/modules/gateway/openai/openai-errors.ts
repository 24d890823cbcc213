import type { Request, Response } from 'express';
import type { GatewayRefusal } from '../gateway.service.js';

// OpenAI's error envelope and the gateway's refusals in it, shared by every OpenAI route.

type OpenAiErrorType = 'invalid_request_error' | 'authentication_error' | 'usage_limit' | 'gateway_error' | 'idempotency_error';

/** OpenAI's error envelope, which the official SDK turns into its typed errors. */
export function openAiError(res: Response, status: number, type: OpenAiErrorType, code: string, message: string, param: string | null = null, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ error: { message, type, param, code } });
}

/** A refusal of the gateway's, in OpenAI's words. Refusals the caller cannot fix by waiting say `x-should-retry: false` (the SDK honours it). */
export function sendOpenAiRefusal(res: Response, refusal: GatewayRefusal): void {
  const final = { 'x-should-retry': 'false' };
  switch (refusal.kind) {
    case 'unauthenticated':
      return openAiError(res, 401, 'authentication_error', 'invalid_api_key', 'Missing or invalid Usage Monitor API key: send it as the API key (Authorization: Bearer um_live_…)', null, final);
    case 'credential-missing':
      return openAiError(res, 424, 'gateway_error', 'PROVIDER_CREDENTIAL_MISSING', `No ${refusal.provider} credential is set for this tenant: an admin sets it in the admin console (customer → Provider credentials) or with setProviderCredential`, null, final);
    case 'bad-request':
      return openAiError(res, 400, 'invalid_request_error', 'BAD_USER_INPUT', refusal.message, refusal.param ?? null, final);
    case 'unavailable':
      return openAiError(res, 503, 'gateway_error', 'SERVICE_UNAVAILABLE', 'Usage Monitor cannot check this tenant\'s limits right now; retry shortly', null, { 'retry-after': '1' });
    case 'duplicate':
      return openAiError(res, 409, 'idempotency_error', 'REQUEST_ALREADY_RECORDED', `A call with X-Usage-Request-Id "${refusal.requestId}" was already answered and recorded; it is not sent to the provider again. Use a new id for a new call`, null, { ...final, 'x-usage-request-id': refusal.requestId });
    case 'limit': {
      const headers: Record<string, string> = refusal.retryAfterSeconds ? { 'retry-after': String(refusal.retryAfterSeconds) } : {};
      if (refusal.code !== 'RATE_LIMITED') headers['x-should-retry'] = 'false';
      return openAiError(res, refusal.httpStatus, 'usage_limit', refusal.code, refusal.message, null, headers);
    }
  }
}

export const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export const bearerKey = (req: Request): string | undefined => /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '')?.[1];

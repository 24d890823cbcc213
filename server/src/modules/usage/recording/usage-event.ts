import { hash } from 'node:crypto';
import { Problems } from '../../../core/graphql/errors.js';
import { findUnstorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../../core/lib/storable-text.js';
import { endUserProblem } from '../../end-users/end-user-text.js';

export type Service = 'OPENAI' | 'ELEVENLABS' | 'SMARTFLO';
export type CallStatus = 'SUCCESS' | 'ERROR';
/** Where a log came from (api-contract-next.md): recordUsage(s), the gateway, or a provider's webhook. */
export type UsageSource = 'API' | 'GATEWAY' | 'GATEWAY_ESTIMATED' | 'WEBHOOK';

/** What kind of unit a service and model is billed in (api-contract.md "Recording usage"). */
export type UnitKind = 'TOKENS' | 'CHARACTERS' | 'SECONDS';

/** OpenAI models billed in something other than tokens, by lower-case name prefix (also read by the SQL rebuild). */
export const OPENAI_NON_TOKEN_PREFIXES: readonly (readonly [prefix: string, kind: UnitKind])[] = [
  ['tts-', 'CHARACTERS'],
  ['whisper', 'SECONDS'],
];

export function unitKindOf(service: Service, model: string | null | undefined): UnitKind {
  if (service === 'ELEVENLABS') return 'CHARACTERS';
  if (service === 'SMARTFLO') return 'SECONDS';
  const name = (model ?? '').toLowerCase();
  return OPENAI_NON_TOKEN_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 'TOKENS';
}

/** The fields an integrator sends, as GraphQL delivered them. */
export interface RecordUsageFields {
  tenantId?: string | null;
  service: Service;
  model?: string | null;
  inputTokens?: number | null;
  cachedInputTokens?: number | null;
  outputTokens?: number | null;
  characters?: number | null;
  durationSeconds?: number | null;
  status?: CallStatus | null;
  requestId: string;
  occurredAt?: Date | null;
  metadata?: unknown;
  /** The tenant's own user who caused the call (opaque, 1-255 characters). */
  endUser?: string | null;
}

/** A validated event, ready to price and store. */
export interface UsageEvent {
  tenantId: string;
  service: Service;
  model: string | null;
  unitKind: UnitKind;
  inputTokens: number | null;
  cachedInputTokens: number | null;
  outputTokens: number | null;
  characters: number | null;
  durationSeconds: number | null;
  status: CallStatus;
  requestId: string;
  occurredAt: Date;
  metadata: unknown;
  endUser: string | null;
  source: UsageSource;
  /**
   * Fingerprint of the body as sent (SHA-256, lower-case hex): the same requestId with another
   * body is a conflict. Hex text rather than a Buffer: a Buffer per event (an ArrayBuffer the GC
   * tracks) only to be turned into hex again for the statement's parameter.
   */
  bodyHash: string;
}

export const RECORDING_LIMITS = {
  maxBatch: 1_000,
  requestIdMaxLength: 255,
  modelMaxLength: 200,
  metadataMaxBytes: 16 * 1024,
  metadataMaxDepth: 20,
  futureToleranceMs: 5 * 60_000,
  maxAgeMs: 35 * 86_400_000,
} as const;

const UNIT_FIELDS: Record<UnitKind, readonly (keyof RecordUsageFields)[]> = {
  TOKENS: ['inputTokens', 'outputTokens'],
  CHARACTERS: ['characters'],
  SECONDS: ['durationSeconds'],
};
const ALL_UNIT_FIELDS = ['inputTokens', 'cachedInputTokens', 'outputTokens', 'characters', 'durationSeconds'] as const;

/**
 * Checks one input against every rule of api-contract.md and collects all its problems (field
 * names as in RecordUsageInput; `index` set for batch items). Pure: the clock and tenant come in.
 */
export function validateUsage(
  fields: RecordUsageFields,
  tenantId: string,
  now: Date,
  problems: Problems,
  index?: number,
  source: UsageSource = 'API',
): UsageEvent | undefined {
  const before = problems.list.length;
  const model = fields.model === undefined || fields.model === null ? null : fields.model;
  if (model !== null && (model.trim().length === 0 || model.length > RECORDING_LIMITS.modelMaxLength)) {
    problems.add('model', `must be 1-${RECORDING_LIMITS.modelMaxLength} characters when given`, index);
  } else if (model !== null && !isStorableText(model)) {
    problems.add('model', UNSTORABLE_TEXT_MESSAGE, index);
  }
  const unitKind = unitKindOf(fields.service, model);

  for (const field of ALL_UNIT_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    if (field === 'durationSeconds') {
      if (!Number.isFinite(value) || value < 0) problems.add(field, 'must be a finite number of seconds >= 0', index);
      else if (value > 1e9) problems.add(field, 'must be at most 1e9 seconds', index);
    } else if (!Number.isInteger(value) || value < 0) {
      problems.add(field, 'must be an integer >= 0', index);
    }
    const applies = field === 'cachedInputTokens' ? unitKind === 'TOKENS' : UNIT_FIELDS[unitKind].includes(field);
    if (!applies) problems.add(field, `is not used by ${describe(fields.service, model)}; it takes ${UNIT_FIELDS[unitKind].join(' / ')}`, index);
  }
  if (UNIT_FIELDS[unitKind].every((field) => fields[field] === undefined || fields[field] === null)) {
    problems.add(UNIT_FIELDS[unitKind][0]!, `${describe(fields.service, model)} needs ${UNIT_FIELDS[unitKind].join(' or ')}`, index);
  }
  if ((fields.cachedInputTokens ?? 0) > (fields.inputTokens ?? 0)) {
    problems.add('cachedInputTokens', 'cannot exceed inputTokens (cached tokens are part of the input)', index);
  }

  if (typeof fields.requestId !== 'string' || fields.requestId.length < 1 || fields.requestId.length > RECORDING_LIMITS.requestIdMaxLength) {
    problems.add('requestId', `must be 1-${RECORDING_LIMITS.requestIdMaxLength} characters`, index);
  } else if (!isStorableText(fields.requestId)) {
    problems.add('requestId', UNSTORABLE_TEXT_MESSAGE, index);
  }

  const endUser = fields.endUser === undefined || fields.endUser === null ? null : fields.endUser;
  const endUserIssue = endUser === null ? null : endUserProblem(endUser);
  if (endUserIssue) problems.add('endUser', endUserIssue, index);

  const occurredAt = fields.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + RECORDING_LIMITS.futureToleranceMs) {
    problems.add('occurredAt', 'is more than 5 minutes in the future', index);
  } else if (occurredAt.getTime() < now.getTime() - RECORDING_LIMITS.maxAgeMs) {
    problems.add('occurredAt', 'is more than 35 days in the past', index);
  }

  let metadataText: string | undefined;
  if (fields.metadata !== undefined && fields.metadata !== null) {
    const depth = jsonDepth(fields.metadata, RECORDING_LIMITS.metadataMaxDepth + 1);
    if (depth > RECORDING_LIMITS.metadataMaxDepth) {
      problems.add('metadata', `is nested deeper than ${RECORDING_LIMITS.metadataMaxDepth} levels`, index);
    } else {
      metadataText = canonicalJson(fields.metadata);
      if (Buffer.byteLength(metadataText, 'utf8') > RECORDING_LIMITS.metadataMaxBytes) {
        problems.add('metadata', 'is larger than 16 KiB of JSON', index);
      } else if (findUnstorableText(fields.metadata)) {
        problems.add('metadata', UNSTORABLE_TEXT_MESSAGE, index);
      }
    }
  }
  if (problems.list.length > before) return undefined;

  const event: UsageEvent = {
    tenantId,
    service: fields.service,
    model,
    unitKind,
    inputTokens: fields.inputTokens ?? null,
    cachedInputTokens: fields.cachedInputTokens ?? null,
    outputTokens: fields.outputTokens ?? null,
    characters: fields.characters ?? null,
    durationSeconds: fields.durationSeconds ?? null,
    status: fields.status ?? 'SUCCESS',
    requestId: fields.requestId,
    occurredAt,
    metadata: fields.metadata ?? null,
    endUser,
    source,
    // Set below, once the rest of the event is known (one object, no copy).
    bodyHash: EMPTY_HASH,
  };
  // occurredAt enters the fingerprint only when the integrator sent it: a retry that omits it
  // (and so "happens" at a later now) is still the same body.
  const fingerprint = bodyFingerprint(event, fields.occurredAt ? fields.occurredAt.toISOString() : null, metadataText ?? null, endUser);
  // One-shot hashing: a Hash object per event was a third of this function's time in a batch.
  event.bodyHash = hash('sha256', fingerprint, 'hex');
  return event;
}

/**
 * The text an event's bodyHash is taken of: exactly canonicalJson of these ten fields, plus
 * `endUser` when one was sent (so hashes stored by earlier versions, which had no end user, still
 * match), written directly because it runs for every event. The source is not part of the body:
 * a call the gateway recorded and the integrator reports again is the same call.
 */
export function bodyFingerprint(
  event: Pick<UsageEvent, 'service' | 'model' | 'inputTokens' | 'cachedInputTokens' | 'outputTokens' | 'characters' | 'durationSeconds' | 'status'>,
  occurredAtSent: string | null,
  metadataText: string | null,
  endUser: string | null = null,
): string {
  const j = JSON.stringify;
  return (
    `{"cachedInputTokens":${j(event.cachedInputTokens)},"characters":${j(event.characters)},"durationSeconds":${j(event.durationSeconds)},` +
    (endUser === null ? '' : `"endUser":${j(endUser)},`) +
    `"inputTokens":${j(event.inputTokens)},"metadata":${j(metadataText)},"model":${j(event.model)},"occurredAt":${j(occurredAtSent)},` +
    `"outputTokens":${j(event.outputTokens)},"service":${j(event.service)},"status":${j(event.status)}}`
  );
}

const EMPTY_HASH = '';

function describe(service: Service, model: string | null): string {
  return service === 'OPENAI' && model ? `OPENAI model ${model}` : service;
}

/** JSON with object keys sorted, so equal values always produce equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Depth of a JSON value, giving up once past `limit` (so a hostile document costs little). */
function jsonDepth(value: unknown, limit: number, depth = 1): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value as object)) {
    deepest = Math.max(deepest, jsonDepth(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

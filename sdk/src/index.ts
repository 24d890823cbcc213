export { createUsageClient } from './client.js';
export type {
  QueuedUsage,
  QuotaDecision,
  QuotaStanding,
  RaisedAlert,
  RecordResult,
  UsageClient,
  UsageClientOptions,
  UsageEvent,
} from './client.js';
export { UsageMonitorError } from './errors.js';
export type { ClientErrorCode, DeliveryFailure, FieldProblem, UsageErrorCode } from './errors.js';
export { backoffDelay, DEFAULT_BATCH_RETRY, DEFAULT_RETRY } from './backoff.js';
export type { RetryOptions } from './backoff.js';
export { DEFAULT_BATCH } from './batcher.js';
export type { BatchOptions } from './batcher.js';
export { countCharacters } from './providers/common.js';
export type { EventOverrides } from './providers/common.js';
export {
  fromOpenAIChatCompletion,
  fromOpenAIResponse,
  fromOpenAISpeech,
  fromOpenAITranscription,
} from './providers/openai.js';
export type {
  OpenAIChatCompletion,
  OpenAIEndUserFields,
  OpenAIEventOptions,
  OpenAIResponse,
  OpenAISpeechRequest,
  OpenAITranscription,
} from './providers/openai.js';
export { fromElevenLabsTextToSpeech } from './providers/elevenlabs.js';
export type { ElevenLabsTextToSpeechRequest } from './providers/elevenlabs.js';
export { fromSmartfloCallRecord } from './providers/smartflo.js';
export type { SmartfloCallRecord } from './providers/smartflo.js';
export type {
  CallStatus,
  ErrorCode,
  PricingStatus,
  QuotaMetric,
  RecordUsageInput,
  Service,
  UsageLevel,
} from './__generated__/graphql.js';

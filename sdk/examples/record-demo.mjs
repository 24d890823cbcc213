#!/usr/bin/env node
// Records OpenAI-, ElevenLabs- and Smartflo-shaped events against a running Usage Monitor.
//
//   pnpm demo                                   # in the repository root: prints the demo API keys
//   pnpm --filter @usage-monitor/sdk example    # builds the sdk, then runs this file
//
// USAGE_MONITOR_URL defaults to the demo server; USAGE_MONITOR_API_KEY to the Acme Corp demo key
// that `pnpm demo` prints (demo data only: never a real key in code).
import { randomUUID } from 'node:crypto';
import {
  createUsageClient,
  fromElevenLabsTextToSpeech,
  fromOpenAIChatCompletion,
  fromOpenAIResponse,
  fromOpenAISpeech,
  fromOpenAITranscription,
  fromSmartfloCallRecord,
  UsageMonitorError,
} from '../dist/index.js';

const url = process.env.USAGE_MONITOR_URL ?? 'http://localhost:4000/graphql';
const apiKey = process.env.USAGE_MONITOR_API_KEY ?? 'um_live_demo_acme_DuPX464VSVT1hJme6KKJjBdp';

const usage = createUsageClient({ url, apiKey });
const run = randomUUID().slice(0, 8);

// 1. Before an expensive call: would it pass a HARD limit?
const decision = await usage.checkQuota('OPENAI', 2_000);
console.log(
  `checkQuota(OPENAI, 2000): allowed=${decision.allowed}${decision.reason ? ` (${decision.reason})` : ''}`,
);

// 2. One call, recorded now: the answer carries its cost, quota standing and any alerts.
const completion = {
  id: `chatcmpl-demo-${run}`,
  object: 'chat.completion',
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
  usage: {
    prompt_tokens: 2000,
    completion_tokens: 500,
    total_tokens: 2500,
    prompt_tokens_details: { cached_tokens: 1024 },
  },
};
const recorded = await usage.record(
  fromOpenAIChatCompletion(completion, { metadata: { feature: 'sdk-example' } }),
);
console.log(`chat completion ${recorded.requestId}: $${recorded.costUsd} (duplicate: ${recorded.duplicate})`);
for (const quota of recorded.quotas)
  console.log(`  quota ${quota.metric}: ${quota.percentUsed}% (${quota.level})`);
for (const alert of recorded.alerts) console.log(`  alert ${alert.type}: ${alert.message}`);

// The same response recorded again counts nothing: its id is the requestId.
const again = await usage.record(
  fromOpenAIChatCompletion(completion, { metadata: { feature: 'sdk-example' } }),
);
console.log(`same completion again: duplicate=${again.duplicate}`);

// 3. Many calls, queued: sent in the background through recordUsages, in batches.
const queued = [
  usage.enqueue(
    fromOpenAIResponse({
      id: `resp_demo_${run}`,
      model: 'gpt-4o-mini',
      status: 'completed',
      usage: {
        input_tokens: 1200,
        input_tokens_details: { cached_tokens: 200 },
        output_tokens: 300,
        total_tokens: 1500,
      },
    }),
  ),
  usage.enqueue(
    fromOpenAISpeech({ model: 'tts-1', input: 'Your order has shipped and will arrive on Thursday.' }),
  ),
  usage.enqueue(fromOpenAITranscription({ task: 'transcribe', duration: 90, text: 'Hello there.' })),
  usage.enqueue(
    fromElevenLabsTextToSpeech({
      text: 'Welcome back! How can I help you today?',
      model_id: 'eleven_multilingual_v2',
    }),
  ),
  usage.enqueue(
    fromSmartfloCallRecord({
      uuid: `demo-${run}`,
      call_id: '1715235734.129662',
      status: 'answered',
      call_duration: 185,
      answered_seconds: 170,
    }),
  ),
];

try {
  // Before exiting: deliver everything still queued (rejects, naming them, if any could not be).
  await usage.close();
} catch (error) {
  if (error instanceof UsageMonitorError) {
    console.error(`${error.code}: ${error.message}`);
    for (const failure of error.failures ?? [])
      console.error(`  ${failure.event.requestId}: ${failure.error.code} ${failure.error.message}`);
  }
  process.exitCode = 1;
}
for (const { requestId, result } of queued) {
  const outcome = await result.then(
    (r) => `$${r.costUsd}`,
    (error) => error.code,
  );
  console.log(`queued ${requestId}: ${outcome}`);
}

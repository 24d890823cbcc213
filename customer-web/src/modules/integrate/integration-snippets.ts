import type { IntegrationUrls } from '@usage-monitor/web-kit/apollo';

// The code the Integrate page hands to a customer's developers, with this server's addresses
// filled in. The same three ways as docs/quickstart.md, whose examples the server's test suite
// runs (server/test/docs-quickstart.test.ts); keep them saying the same thing.

export interface Snippet {
  id: string;
  title: string;
  language: 'js' | 'python' | 'bash';
  code: string;
}

export function gatewaySnippets(urls: IntegrationUrls): Snippet[] {
  return [
    {
      id: 'openai-node',
      title: 'OpenAI SDK (Node.js)',
      language: 'js',
      code: `import OpenAI from 'openai';

const openai = new OpenAI({
  baseURL: '${urls.openai}',
  apiKey: process.env.USAGE_MONITOR_API_KEY, // your Usage Monitor API key (um_live_…)
});

const completion = await openai.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello!' }],
  user: 'customer-42', // optional: the end user inside your product
});
console.log(completion.choices[0].message.content);`,
    },
    {
      id: 'openai-python',
      title: 'OpenAI SDK (Python)',
      language: 'python',
      code: `import os
from openai import OpenAI

client = OpenAI(
    base_url="${urls.openai}",
    api_key=os.environ["USAGE_MONITOR_API_KEY"],  # your Usage Monitor API key (um_live_…)
)

completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Hello!"}],
)
print(completion.choices[0].message.content)`,
    },
    {
      id: 'elevenlabs-node',
      title: 'ElevenLabs SDK (Node.js)',
      language: 'js',
      code: `import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';

const elevenlabs = new ElevenLabsClient({
  baseUrl: '${urls.elevenlabs}',
  apiKey: process.env.USAGE_MONITOR_API_KEY, // your Usage Monitor API key, not an ElevenLabs key
});

const audio = await elevenlabs.textToSpeech.convert('JBFqnCBsd6RMkjVDRZzb', {
  text: 'Hello!',
  modelId: 'eleven_multilingual_v2',
});`,
    },
  ];
}

export function reportingSnippets(urls: IntegrationUrls): Snippet[] {
  return [
    {
      id: 'sdk',
      title: 'Usage Monitor SDK (Node.js)',
      language: 'js',
      code: `import { createUsageClient, fromOpenAIChatCompletion } from '@usage-monitor/sdk';

const usage = createUsageClient({ url: '${urls.graphql}', apiKey: process.env.USAGE_MONITOR_API_KEY });

// After each call you make to the provider yourself:
await usage.record(fromOpenAIChatCompletion(completion));`,
    },
    {
      id: 'graphql',
      title: 'GraphQL (any language)',
      language: 'bash',
      code: `curl -sf '${urls.graphql}' \\
  -H 'content-type: application/json' \\
  -H "authorization: Bearer $USAGE_MONITOR_API_KEY" \\
  -d '{"query":"mutation($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { costUsd } } }",
       "variables":{"i":{"service":"SMARTFLO","durationSeconds":185,"requestId":"call-1"}}}'`,
    },
  ];
}

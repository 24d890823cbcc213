import type { UsageEvent } from '../client.js';
import { countCharacters, withOverrides, type EventOverrides } from './common.js';

/** POST /v1/text-to-speech/{voice_id} request body (the response is audio: the text sent is what is billed). */
export interface ElevenLabsTextToSpeechRequest {
  text: string;
  model_id?: string;
}

/**
 * An event for an ElevenLabs text-to-speech call: `characters` of the text sent. Pass the
 * response's `request-id` header as `responseRequestId` to make re-recording the same call a no-op.
 */
export function fromElevenLabsTextToSpeech(
  request: ElevenLabsTextToSpeechRequest,
  overrides: EventOverrides & { responseRequestId?: string | null } = {},
): UsageEvent {
  const { responseRequestId, ...rest } = overrides;
  return withOverrides(
    {
      service: 'ELEVENLABS',
      ...(request.model_id ? { model: request.model_id } : {}),
      characters: countCharacters(request.text),
      ...(responseRequestId ? { requestId: `elevenlabs:${responseRequestId}` } : {}),
    },
    rest,
  );
}

import type { RecentCallsQuery } from '../../__generated__/graphql';
import { formatCharacters, formatCount, formatMinutes, formatTokens } from '../../shared/units';

type UsageLogUnits = Pick<
  RecentCallsQuery['usageLogs']['nodes'][number],
  'inputTokens' | 'outputTokens' | 'totalTokens' | 'characters' | 'durationSeconds'
>;

/**
 * What a call used, in its own unit: tokens for chat models, characters for speech synthesis,
 * minutes for transcription and telephony. `detail` splits tokens into input and output.
 */
export function formatLogUnits(log: UsageLogUnits): { text: string; detail?: string } {
  if (log.totalTokens != null || log.inputTokens != null || log.outputTokens != null) {
    const input = log.inputTokens ?? 0;
    const output = log.outputTokens ?? 0;
    return {
      text: formatTokens(log.totalTokens ?? input + output),
      detail: `${formatCount(input)} in · ${formatCount(output)} out`,
    };
  }
  if (log.characters != null) return { text: formatCharacters(log.characters) };
  if (log.durationSeconds != null) return { text: formatMinutes(log.durationSeconds / 60) };
  return { text: '—' };
}

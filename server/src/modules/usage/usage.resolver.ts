import { UsageDashboardResolver } from './reading/usage-dashboard.resolver.js';
import { UsageReadResolver } from './reading/usage-read.resolver.js';
import { UsageSummariesResolver } from './reading/usage-summaries.resolver.js';
import { UsageRecordingResolver } from './recording/usage-recording.resolver.js';
import { UsageCorrectionsResolver } from './corrections/usage-corrections.resolver.js';

/** Every resolver of the usage module, for the schema. */
export const usageResolvers = [UsageRecordingResolver, UsageReadResolver, UsageSummariesResolver, UsageDashboardResolver, UsageCorrectionsResolver] as const;

import type { QuotaMetric, Service } from '../__generated__/graphql';

export const SERVICES: readonly Service[] = ['OPENAI', 'ELEVENLABS', 'SMARTFLO'];

export const SERVICE_LABELS: Record<Service, string> = {
  OPENAI: 'OpenAI',
  ELEVENLABS: 'ElevenLabs',
  SMARTFLO: 'Smartflo',
};

/** Chart colours, distinguishable for common colour-vision deficiencies and ≥ 3:1 on white. */
export const SERVICE_COLOURS: Record<Service, string> = {
  OPENAI: '#0f766e',
  ELEVENLABS: '#7c3aed',
  SMARTFLO: '#c2410c',
};

export const SERVICE_METRIC: Record<Service, QuotaMetric> = {
  OPENAI: 'OPENAI_TOKENS',
  ELEVENLABS: 'ELEVENLABS_CHARACTERS',
  SMARTFLO: 'SMARTFLO_MINUTES',
};

/** A `service` search parameter, or undefined for anything that is not a known service. */
export function parseService(value: string | null | undefined): Service | undefined {
  return SERVICES.find((service) => service === value);
}

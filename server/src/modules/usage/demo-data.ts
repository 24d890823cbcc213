import { createHash } from 'node:crypto';
import type { Services } from '../../services.js';
import { hashSecret } from '../../core/lib/secrets.js';
import { hashPassword } from '../auth/passwords.js';
import { unitKindOf, type Service, type UsageEvent } from './recording/usage-event.js';

export const DEMO_CUSTOMER_PASSWORD = 'customer-password-123';

interface DemoTenant {
  name: string;
  slug: string;
  /** Calls per day, roughly. */
  volume: number;
  mix: { service: Service; model: string | null; weight: number }[];
  quota?: { openaiTokenLimit?: number; monthlyCostLimitUsd?: string; elevenlabsCharacterLimit?: number; smartfloMinuteLimit?: number };
  /** Distinct end users the tenant's calls come from: a few heavy ones and a long tail of light ones. */
  endUsers: number;
  /** A reseller markup in percent from the start of the history, so margins show at once. */
  markupPercent?: string;
}

const TENANTS: DemoTenant[] = [
  {
    name: 'Acme Corp', slug: 'acme', endUsers: 420, volume: 40,
    mix: [{ service: 'OPENAI', model: 'gpt-4o', weight: 5 }, { service: 'OPENAI', model: 'gpt-4o-mini', weight: 8 }, { service: 'ELEVENLABS', model: 'eleven_multilingual_v2', weight: 3 }, { service: 'SMARTFLO', model: null, weight: 2 }],
    quota: { openaiTokenLimit: 2_500_000, monthlyCostLimitUsd: '200' },
  },
  { name: 'Globex', slug: 'globex', endUsers: 260, volume: 30, markupPercent: '20', mix: [{ service: 'OPENAI', model: 'gpt-4', weight: 2 }, { service: 'OPENAI', model: 'gpt-3.5-turbo', weight: 6 }, { service: 'SMARTFLO', model: null, weight: 4 }], quota: { smartfloMinuteLimit: 3000 } },
  { name: 'Initech', slug: 'initech', endUsers: 90, volume: 18, mix: [{ service: 'OPENAI', model: 'gpt-4o-mini-2024-07-18', weight: 7 }, { service: 'OPENAI', model: 'whisper-1', weight: 2 }] },
  { name: 'Umbrella Health', slug: 'umbrella', endUsers: 180, volume: 22, mix: [{ service: 'ELEVENLABS', model: 'eleven_turbo_v2', weight: 6 }, { service: 'OPENAI', model: 'tts-1-hd', weight: 2 }, { service: 'SMARTFLO', model: null, weight: 3 }], quota: { elevenlabsCharacterLimit: 2_000_000 } },
  { name: 'Stark Voice', slug: 'stark', endUsers: 300, volume: 35, markupPercent: '12.5', mix: [{ service: 'SMARTFLO', model: null, weight: 8 }, { service: 'ELEVENLABS', model: 'eleven_multilingual_v2', weight: 2 }] },
  { name: 'Wayne Logistics', slug: 'wayne', endUsers: 40, volume: 12, mix: [{ service: 'OPENAI', model: 'gpt-4-turbo', weight: 4 }, { service: 'OPENAI', model: 'gpt-4o', weight: 3 }] },
  { name: 'Hooli Support', slug: 'hooli', endUsers: 520, volume: 26, mix: [{ service: 'OPENAI', model: 'gpt-4o-mini', weight: 9 }, { service: 'OPENAI', model: 'o4-preview', weight: 1 }, { service: 'SMARTFLO', model: null, weight: 3 }] },
  { name: 'Soylent Foods', slug: 'soylent', endUsers: 25, volume: 8, mix: [{ service: 'OPENAI', model: 'gpt-3.5-turbo', weight: 5 }, { service: 'ELEVENLABS', model: null, weight: 1 }] },
];

/** A small deterministic generator, so every demo database looks the same. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The demo integrator key of a tenant: fixed, so the SDK example can use it. Demo data only. */
export function demoApiKey(slug: string): string {
  return `um_live_demo_${slug}_${createHash('sha256').update(`demo-${slug}`).digest('base64url').slice(0, 24)}`;
}

/**
 * Fills an EMPTY database with eight tenants, a customer login and an API key each, quotas for
 * some, a markup for two (Globex 20 %, Stark Voice 12.5 %, from the start of their history; Acme Corp,
 * whose key the SDK example and the docs use, has none, so their figures are the price table's), and six months of usage recorded through the same recorder as the API (so summaries and
 * rollups equal their logs). Does nothing when any tenant exists.
 */
export async function seedDemoData(services: Services): Promise<boolean> {
  const { pool } = services.db;
  const { rows } = await pool.query('select exists (select 1 from tenants) as any');
  if (rows[0].any) return false;
  const now = services.clock.now();
  const random = prng(20261122);
  const passwordHash = await hashPassword(DEMO_CUSTOMER_PASSWORD);
  for (const demo of TENANTS) {
    const { rows: created } = await pool.query('insert into tenants (name, contact_email) values ($1, $2) returning id', [demo.name, `billing@${demo.slug}.example`]);
    const tenantId: string = created[0].id;
    await pool.query(`insert into users (email, password_hash, role, tenant_id, team_role) values ($1, $2, 'CUSTOMER', $3, 'OWNER')`, [`${demo.slug}@customer.example`, passwordHash, tenantId]);
    const key = demoApiKey(demo.slug);
    await pool.query('insert into api_keys (tenant_id, name, key_hash, prefix, last_four) values ($1, $2, $3, $4, $5)', [tenantId, 'Demo integration', hashSecret(key), key.slice(0, 12), key.slice(-4)]);
    if (demo.quota) {
      await pool.query(
        `insert into quotas (tenant_id, openai_token_limit, elevenlabs_character_limit, smartflo_minute_limit, monthly_cost_limit_usd) values ($1, $2, $3, $4, $5)`,
        [tenantId, demo.quota.openaiTokenLimit ?? null, demo.quota.elevenlabsCharacterLimit ?? null, demo.quota.smartfloMinuteLimit ?? null, demo.quota.monthlyCostLimitUsd ?? null],
      );
    }
    const events: UsageEvent[] = [];
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1);
    if (demo.markupPercent) {
      await pool.query('insert into tenant_pricing (tenant_id, effective_from, markup_percent) values ($1, $2, $3)', [tenantId, new Date(start), demo.markupPercent]);
      // The recorder prices from the price book: it must hold the markup before the history is recorded.
      await services.priceBook.load();
    }
    const totalWeight = demo.mix.reduce((sum, m) => sum + m.weight, 0);
    for (let day = start; day < now.getTime(); day += 86_400_000) {
      // Usage grows month over month, dips on weekends.
      const growth = 0.6 + (0.4 * (day - start)) / (now.getTime() - start);
      const weekend = [0, 6].includes(new Date(day).getUTCDay()) ? 0.5 : 1;
      const calls = Math.round(demo.volume * growth * weekend * (0.7 + random() * 0.6));
      for (let c = 0; c < calls; c++) {
        const occurredAt = new Date(Math.min(day + Math.floor(random() * 86_400_000), now.getTime() - 1000));
        let pick = random() * totalWeight;
        const choice = demo.mix.find((m) => (pick -= m.weight) <= 0) ?? demo.mix[0]!;
        const kind = unitKindOf(choice.service, choice.model);
        const inputTokens = kind === 'TOKENS' ? 200 + Math.floor(random() * 2400) : null;
        // Cubing the draw skews it towards the first ids: a handful of users make most calls.
        // One call in ten names nobody (a background job, say), as real integrations do.
        const endUser = random() < 0.1 ? null : `${demo.slug}-user-${String(Math.floor(demo.endUsers * random() ** 3) + 1).padStart(4, '0')}`;
        events.push({
          tenantId,
          service: choice.service,
          model: choice.model,
          unitKind: kind,
          inputTokens,
          cachedInputTokens: inputTokens && choice.model?.startsWith('gpt-4o') && random() < 0.3 ? Math.floor(inputTokens / 2) : null,
          outputTokens: kind === 'TOKENS' ? 50 + Math.floor(random() * 900) : null,
          characters: kind === 'CHARACTERS' ? 100 + Math.floor(random() * 3000) : null,
          durationSeconds: kind === 'SECONDS' ? 10 + Math.floor(random() * 600) : null,
          status: random() < 0.03 ? 'ERROR' : 'SUCCESS',
          requestId: `demo-${demo.slug}-${occurredAt.getTime()}-${c}`,
          occurredAt,
          metadata: { source: 'demo' },
          endUser,
          source: 'API',
          bodyHash: createHash('sha256').update(`demo-${demo.slug}-${day}-${c}`).digest('hex'),
        });
      }
    }
    for (let i = 0; i < events.length; i += 500) await services.recorder.recordGroup(events.slice(i, i + 500), { batch: true });
  }
  services.logger.info({ tenants: TENANTS.length }, 'demo data loaded');
  return true;
}

export const DEMO_TENANTS = TENANTS.map(({ name, slug }) => ({ name, slug, email: `${slug}@customer.example`, apiKey: demoApiKey(slug) }));

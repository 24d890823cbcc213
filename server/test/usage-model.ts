import { Decimal } from 'decimal.js';
import fc from 'fast-check';

/**
 * An independent model of recordUsage's contract (shared/api-contract.md, "Recording usage" and
 * "Pricing"), for property tests: which inputs are valid, which field is wrong, and what a valid
 * one costs. Deliberately written from the contract, not from the server's validator or rate().
 */

const D = Decimal.clone({ precision: 80 });
/** usage_logs.cost_usd is numeric(30,12): each event's cost is kept to 12 decimals, half-up. */
const round = (value: Decimal) => new D(value).toDecimalPlaces(12, Decimal.ROUND_HALF_UP);

type Unit = 'tokens' | 'characters' | 'seconds';
interface ModelPrice {
  prefix: string;
  input?: string;
  output?: string;
  per1kCharacters?: string;
  perMinute?: string;
}
const OPENAI_PRICES: ModelPrice[] = [
  { prefix: 'gpt-4', input: '0.03', output: '0.06' },
  { prefix: 'gpt-4-turbo', input: '0.01', output: '0.03' },
  { prefix: 'gpt-4o', input: '0.005', output: '0.015' },
  { prefix: 'gpt-4o-mini', input: '0.00015', output: '0.0006' },
  { prefix: 'gpt-3.5-turbo', input: '0.0005', output: '0.0015' },
  { prefix: 'whisper-1', perMinute: '0.006' },
  { prefix: 'tts-1', per1kCharacters: '0.015' },
  { prefix: 'tts-1-hd', per1kCharacters: '0.03' },
];

/** Models we send, with the unit the contract says each takes. Unknown ones must be UNPRICED. */
export const OPENAI_MODELS: [string, Unit][] = [
  ['gpt-4', 'tokens'],
  ['gpt-4-0613', 'tokens'],
  ['gpt-4-turbo-2024-04-09', 'tokens'],
  ['gpt-4o', 'tokens'],
  ['gpt-4o-mini-2024-07-18', 'tokens'],
  ['gpt-3.5-turbo', 'tokens'],
  ['whisper-1', 'seconds'],
  ['tts-1', 'characters'],
  ['tts-1-hd', 'characters'],
  ['llama-3-70b', 'tokens'],
  ['o1-präview-模型', 'tokens'],
];

export function unitOf(input: Record<string, unknown>): Unit {
  if (input.service === 'ELEVENLABS') return 'characters';
  if (input.service === 'SMARTFLO') return 'seconds';
  return OPENAI_MODELS.find(([name]) => name === input.model)?.[1] ?? 'tokens';
}

export const UNIT_FIELDS: Record<Unit, string[]> = {
  tokens: ['inputTokens', 'outputTokens'],
  characters: ['characters'],
  seconds: ['durationSeconds'],
};

/** The exact cost of a valid input and whether it is priced. */
export function expectedCost(input: Record<string, any>): { cost: Decimal; priced: boolean } {
  const unit = unitOf(input);
  if (input.service === 'ELEVENLABS')
    return { cost: round(new D(input.characters ?? 0).times('0.30').dividedBy(10_000)), priced: true };
  if (input.service === 'SMARTFLO')
    return {
      cost: round(new D(String(input.durationSeconds ?? 0)).times('0.02').dividedBy(60)),
      priced: true,
    };
  const model = String(input.model ?? '');
  const price = OPENAI_PRICES.filter((p) => model.startsWith(p.prefix)).sort(
    (a, b) => b.prefix.length - a.prefix.length,
  )[0];
  if (!price) return { cost: new D(0), priced: false };
  if (unit === 'tokens') {
    if (!price.input) return { cost: new D(0), priced: false };
    const cost = new D(input.inputTokens ?? 0)
      .times(price.input)
      .plus(new D(input.outputTokens ?? 0).times(price.output!))
      .dividedBy(1000);
    return { cost: round(cost), priced: true };
  }
  if (unit === 'characters')
    return price.per1kCharacters
      ? {
          cost: round(new D(input.characters ?? 0).times(price.per1kCharacters).dividedBy(1000)),
          priced: true,
        }
      : { cost: new D(0), priced: false };
  return price.perMinute
    ? {
        cost: round(new D(String(input.durationSeconds ?? 0)).times(price.perMinute).dividedBy(60)),
        priced: true,
      }
    : { cost: new D(0), priced: false };
}

export interface GeneratedInput {
  input: Record<string, unknown>;
  /** Empty for a valid input; otherwise every field a correct server may name. */
  invalid: Set<string>;
}

const DAY = 86_400_000;
const INT_MAX = 2 ** 31 - 1;
const count = fc.integer({ min: 0, max: INT_MAX });
const smallCount = fc.integer({ min: 0, max: 1_000_000 });
const seconds = fc.oneof(
  fc.double({ min: 0, max: 1_000_000, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 86_400 }).map((s) => s + 0.5),
);
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', '9', '-', ' ', 'é', '模', '🙂', '\u202e', '"', '\\', '\u00a0'),
  minLength: 1,
  maxLength: 40,
});
const jsonLeaf = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const metadataValid = fc.dictionary(
  text,
  fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 5 }), fc.dictionary(text, jsonLeaf, { maxKeys: 4 })),
  { maxKeys: 8 },
);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { level: value };
  return value;
}

/** A mutation makes a valid input invalid and names the field(s) a server may blame. */
type Mutation = (input: Record<string, unknown>, unit: Unit) => string[];
const unitMutation = (values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> =>
  values.map((value) => (input, unit) => {
    const field = UNIT_FIELDS[unit][0]!;
    input[field] = value;
    return [field];
  });
const MUTATIONS: fc.Arbitrary<Mutation> = fc.oneof(
  unitMutation(fc.integer({ min: -1_000_000_000, max: -1 })), // negative
  unitMutation(fc.double({ min: -1e12, max: -Number.MIN_VALUE, noNaN: true })), // negative fraction
  unitMutation(fc.constantFrom('NaN', 'Infinity', '-Infinity', '12', '1e3', '', '0x10', 'null')), // NaN-like strings
  unitMutation(fc.constantFrom(true, [], {}, [1])),
  fc.integer({ min: 0, max: 1_000_000 }).map((n): Mutation => (input, unit) => {
    // A fractional count (durations may be fractional, so those go negative instead).
    const field = UNIT_FIELDS[unit][0]!;
    input[field] = unit === 'seconds' ? -(n + 0.25) : n + 0.25;
    return [field];
  }),
  fc
    .oneof(fc.integer({ min: INT_MAX + 1, max: Number.MAX_SAFE_INTEGER }), fc.constant(1e300))
    .map((n): Mutation => (input, unit) => {
      if (unit === 'seconds') {
        input.durationSeconds = -n; // huge negative duration
        return ['durationSeconds'];
      }
      input[UNIT_FIELDS[unit][0]!] = n; // huge count
      return [UNIT_FIELDS[unit][0]!];
    }),
  fc.constant<Mutation>((input, unit) => {
    for (const field of UNIT_FIELDS[unit]) delete input[field]; // no unit at all
    return UNIT_FIELDS[unit];
  }),
  fc.constant<Mutation>((input, unit) => {
    if (unit !== 'tokens') {
      for (const field of UNIT_FIELDS[unit]) delete input[field];
      return UNIT_FIELDS[unit];
    }
    input.cachedInputTokens = Number(input.inputTokens ?? 0) + 1; // more cached than input
    return ['cachedInputTokens', 'inputTokens'];
  }),
  fc
    .oneof(fc.constant(''), fc.string({ minLength: 256, maxLength: 400 }), fc.constant(`a\u0000b`))
    .map((id): Mutation => (input) => {
      input.requestId = id;
      return ['requestId'];
    }),
  fc
    .oneof(
      fc
        .integer({ min: 36 * DAY + 3_600_000, max: 100 * 365 * DAY })
        .map((ms) => new Date(Date.now() - ms).toISOString()),
      fc
        .integer({ min: 7 * 60_000, max: 1_000 * 365 * DAY })
        .map((ms) => new Date(Date.now() + ms).toISOString()),
      fc.constantFrom(
        '0001-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        'not a date',
        '2026-13-45T00:00:00Z',
        '2026-01-01',
        '',
        'NaN',
      ),
    )
    .map((at): Mutation => (input) => {
      input.occurredAt = at;
      return ['occurredAt'];
    }),
  fc
    .oneof(
      fc.integer({ min: 17_000, max: 40_000 }).map((size) => ({ blob: 'x'.repeat(size) })), // oversized
      fc.integer({ min: 25, max: 3_000 }).map(nested), // deep
      fc.constant({ text: 'nul \u0000 inside' }),
    )
    .map((metadata): Mutation => (input) => {
      input.metadata = metadata;
      return ['metadata'];
    }),
  fc.constantFrom('FOO', 'openai', '', 'OPENAI ').map((service): Mutation => (input) => {
    input.service = service;
    return ['service'];
  }),
  fc.constantFrom('x\uD800z', '\uDC00y', 'a\uDBFF\uDBFFb').map((half): Mutation => (input) => {
    // An unpaired surrogate that stays unpaired whatever the id ends with or another mutation
    // appends: no high half last (it would pair with a later '\uDC00'), none cut in two here.
    const kept = String(input.requestId).slice(0, 200).replace(/[\uD800-\uDBFF]$/, '');
    input.requestId = `${kept}${half}`;
    return ['requestId'];
  }),
  fc
    .constantFrom({ s: 'x\uD800' }, { ['k\uDC00']: 1 }, [{ deep: ['\uDFFF'] }])
    .map((metadata): Mutation => (input) => {
      input.metadata = metadata;
      return ['metadata'];
    }),
  fc.constantFrom('gpt-4\u0000x', '\u0000', 'gpt-4\uD800').map((model): Mutation => (input) => {
    input.model = model;
    return ['model'];
  }),
  fc.constantFrom('MAYBE', 'success').map((status): Mutation => (input) => {
    input.status = status;
    return ['status'];
  }),
);

const validInput = fc
  .record({
    pick: fc.integer({ min: 0, max: OPENAI_MODELS.length + 1 }),
    tokens: fc.tuple(fc.oneof(count, smallCount), fc.oneof(count, smallCount), fc.boolean()),
    characters: fc.oneof(count, smallCount),
    seconds,
    status: fc.constantFrom(undefined, 'SUCCESS', 'ERROR'),
    ageMs: fc.option(fc.integer({ min: -3 * 60_000, max: 34 * DAY }), { nil: undefined }),
    metadata: fc.option(
      fc.oneof(
        metadataValid,
        fc.integer({ min: 1, max: 10 }).map(nested),
        fc.integer({ min: 1, max: 15_000 }).map((n) => ({ blob: 'y'.repeat(n) })),
      ),
      { nil: undefined },
    ),
    suffix: fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => !s.includes('\u0000')),
  })
  .map((g) => {
    const input: Record<string, unknown> = {};
    if (g.pick === OPENAI_MODELS.length) input.service = 'ELEVENLABS';
    else if (g.pick === OPENAI_MODELS.length + 1) input.service = 'SMARTFLO';
    else Object.assign(input, { service: 'OPENAI', model: OPENAI_MODELS[g.pick]![0] });
    const unit = unitOf(input);
    if (unit === 'tokens') {
      input.inputTokens = g.tokens[0];
      if (g.tokens[2]) input.outputTokens = g.tokens[1];
      else input.cachedInputTokens = 0;
    } else if (unit === 'characters') input.characters = g.characters;
    else input.durationSeconds = g.seconds;
    if (g.status) input.status = g.status;
    if (g.ageMs !== undefined) input.occurredAt = new Date(Date.now() - g.ageMs).toISOString();
    if (g.metadata !== undefined) input.metadata = g.metadata;
    return { input, suffix: g.suffix };
  });

let sequence = 0;
/** Valid (about 60 %) or invalid by one or two mutations; requestIds unique per run. */
export const generatedInput = (runId: string): fc.Arbitrary<GeneratedInput> =>
  fc
    .tuple(
      validInput,
      fc.oneof(
        { weight: 6, arbitrary: fc.constant([] as Mutation[]) },
        { weight: 4, arbitrary: fc.array(MUTATIONS, { minLength: 1, maxLength: 2 }) },
      ),
    )
    .map(([{ input, suffix }, mutations]) => {
      input.requestId = `${runId}-${sequence++}-${suffix}`;
      const invalid = new Set<string>();
      // Text must be storable: UTF-16 halves without their pair are not characters (no NUL either).
      if (/\p{Cs}/u.test(String(input.requestId))) invalid.add('requestId');
      const unit = unitOf(input);
      for (const mutate of mutations) for (const field of mutate(input, unit)) invalid.add(field);
      return { input, invalid };
    });

import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isDecimalLiteral } from '../lib/money.js';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Exact decimal as a string. Accepts "12.5" (and JSON numbers that are safe integers). */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Exact decimal number sent as a string, e.g. "7.2", "0.0315". Every money amount (USD) uses it.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text !== 'string' || !isDecimalLiteral(text.trim())) throw invalid('Decimal must be a string such as "12.50"');
    return text.trim();
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isDecimalLiteral(ast.value.trim())) return ast.value.trim();
    if (ast.kind === Kind.INT) return ast.value;
    throw invalid('Decimal must be a string such as "12.50"');
  },
});

const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_PATTERN.test(value)) throw invalid('DateTime must be an ISO-8601 string with a time zone');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid('DateTime is not a real date');
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO-8601 date-time in UTC, e.g. "2026-11-22T10:15:00.000Z".',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literalToJson(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literalToJson(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw invalid('Not a JSON value');
  }
}

export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalToJson(ast, variables),
});

function parseSafeInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid('SafeInt must be an integer up to 2^53-1');
  return value;
}

export const SafeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  description: "Integer up to 2^53-1 sent as a JSON number (monthly counters outgrow GraphQL's 32-bit Int).",
  serialize: (value) => {
    const number = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : (value as number);
    if (!Number.isSafeInteger(number)) throw new Error(`SafeInt cannot represent ${String(value)}`);
    return number;
  },
  parseValue: parseSafeInt,
  parseLiteral: (ast) => parseSafeInt(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});

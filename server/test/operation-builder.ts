import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';

/**
 * Builds an operation for any root field from the schema alone, aimed at another tenant: every ID
 * argument (and every tenantId, even optional or nested) names the victim, cursors are the
 * victim's, searches look for the victim's name, and the selection takes every leaf field down to
 * `maxDepth`. So a field added tomorrow is probed without anyone writing a case for it.
 */

export type IdKind = 'tenant' | 'alert' | 'apiKey' | 'user' | 'log';
export interface VictimIds {
  tenant: string;
  alert: string;
  apiKey: string;
  user: string;
  log: string;
  cursor: string;
  /** B's cursor of a connection whose cursors are not usageLogs' ones, by root field name. */
  cursors?: Record<string, string>;
  /** B's id for a root field whose id is none of the kinds above (a statement's), by root field name. */
  ids?: Record<string, string>;
  name: string;
}

/** Minimal bodies for inputs whose generic fill would be rejected before the tenant check. */
const INPUT_OVERRIDES: Record<string, Record<string, unknown>> = {
  RecordUsageInput: { service: 'ELEVENLABS', characters: 10 },
};

export interface BuiltOperation {
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

let sequence = 0;
let textOverride: string | undefined;
let cursor = '';
let fieldId: string | undefined;

/**
 * `scope: 'victim'` names B in every tenantId; `'own'` leaves optional tenantIds out (the caller's
 * own tenant applies) while cursors, ids and searches still point at B: a cursor or id from B
 * must not open B's rows inside A's scope.
 */
export type Scope = 'victim' | 'own';

export function buildOperation(
  root: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  victim: VictimIds,
  idKind: IdKind,
  scope: Scope = 'victim',
  maxDepth = 3,
  /** Sends this text in every String argument and input field (bad-input probes). */
  text?: string,
): BuiltOperation {
  textOverride = text;
  cursor = victim.cursors?.[field.name] ?? victim.cursor;
  fieldId = victim.ids?.[field.name];
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && !aimsAtVictim(arg, scope)) continue;
    const name = `a_${arg.name}`;
    variables[name] = valueFor(arg.name, arg.type, victim, idKind, scope);
    definitions.push(`$${name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${name}`);
  }
  const selection = selectionFor(field.type, maxDepth);
  const document = `${root} Probe${definitions.length ? `(${definitions.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
  return { field: field.name, document, variables };
}

/** Optional arguments worth sending: anything that can name a tenant, an id, a cursor or a search. */
function aimsAtVictim(
  arg: GraphQLArgument | GraphQLInputField,
  scope: Scope,
  seen = new Set<string>(),
): boolean {
  const named = getNamedType(arg.type);
  if (scope === 'own' && arg.name === 'tenantId' && !isNonNullType(arg.type)) return false;
  if (named.name === 'ID' || ['after', 'before', 'cursor', 'search'].includes(arg.name)) return true;
  if (isInputObjectType(named) && !seen.has(named.name)) {
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => aimsAtVictim(f, scope, seen));
  }
  return false;
}

/** A JSON variable value for an input type. */
function valueFor(
  name: string,
  type: GraphQLInputType,
  victim: VictimIds,
  idKind: IdKind,
  scope: Scope,
): unknown {
  if (isNonNullType(type)) return valueFor(name, type.ofType, victim, idKind, scope);
  if (isListType(type)) return [valueFor(name, type.ofType, victim, idKind, scope)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = { ...INPUT_OVERRIDES[type.name] };
    for (const field of Object.values(type.getFields())) {
      if (field.name in value) continue;
      if (isNonNullType(field.type) || aimsAtVictim(field, scope))
        value[field.name] = valueFor(field.name, field.type, victim, idKind, scope);
    }
    return value;
  }
  switch (type.name) {
    case 'ID':
      return name === 'tenantId' ? victim.tenant : (fieldId ?? victim[idKind]);
    case 'String':
      if (textOverride !== undefined) return textOverride;
      if (['after', 'before', 'cursor'].includes(name)) return cursor;
      if (name === 'search') return victim.name;
      if (name === 'period') return new Date().toISOString().slice(0, 7);
      if (name === 'email') return `probe-${sequence++}@probe.test`;
      if (name === 'password') return 'probe-password-123';
      if (name === 'requestId') return `probe-${sequence++}`;
      return 'probe';
    case 'Int':
      return name === 'alertAtPercentage' ? 70 : name === 'days' ? 7 : name === 'months' ? 6 : 1;
    case 'Float':
    case 'SafeInt':
      return 1;
    case 'Boolean':
      return true;
    case 'Decimal':
      return '1';
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
      return {};
    default:
      return 'probe';
  }
}

/** Every leaf field down to `depth` (object fields with required arguments are skipped). */
export function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named) || depth <= 0) return ' { __typename }';
  if (!isObjectType(named)) return ' { __typename }';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name}${selectionFor(field.type, depth - 1)}`);
  }
  return ` { __typename ${parts.join(' ')} }`;
}

/** Operations per field: one per kind of victim id when the field takes an ID, else one. */
export function idKindsFor(field: GraphQLField<unknown, unknown>): IdKind[] {
  const takesId = field.args.some(
    (a) => isNonNullType(a.type) && getNamedType(a.type).name === 'ID' && a.name !== 'tenantId',
  );
  return takesId ? ['tenant', 'alert', 'apiKey', 'user', 'log'] : ['tenant'];
}

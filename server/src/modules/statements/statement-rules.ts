import type { Service } from '../../core/graphql/enums.js';
import { money, type Money, ZERO } from '../../core/lib/money.js';
import { monthWindow, periodWindow } from '../../core/lib/period.js';
import { RECORDING_LIMITS, unitKindOf } from '../usage/recording/usage-event.js';

/**
 * The statements' rules as pure functions (README.md): which months are still open, which open
 * statement carries the corrections of a FINAL month, what those corrections are, and numbers.
 */

/** One line: a month's usage of a service and model, or (adjustmentOf set) a correction of an earlier FINAL month. */
export interface StatementLineRecord {
  service: Service;
  /** '' when the usage named no model (rollups store it so); the API shows null. */
  model: string;
  unit: StatementUnit;
  /** Exact text: tokens and characters are whole, minutes may carry a fraction. */
  units: Money;
  apiCalls: number;
  amountUsd: Money;
  adjustmentOf: string | null;
}

export type StatementUnit = 'tokens' | 'characters' | 'minutes';

/** The unit daily_rollups count for a service and model (usage-aggregates.ts chartUnits): in + out tokens, characters or minutes. */
export function unitOf(service: Service, model: string | null): StatementUnit {
  const kind = unitKindOf(service, model || null);
  return kind === 'TOKENS' ? 'tokens' : kind === 'CHARACTERS' ? 'characters' : 'minutes';
}

/**
 * The month can receive no more events once every instant of it is further back than the
 * recorder accepts (usage-event.ts RECORDING_LIMITS.maxAgeMs, 35 days): the server finalizes it
 * then. `now` at or after that instant.
 */
export function windowClosesAt(period: string): Date {
  return new Date(periodWindow(period).end.getTime() + RECORDING_LIMITS.maxAgeMs);
}

/** The months before this one are past their window: the server finalizes every month < it that has usage. */
export function firstMonthStillInWindow(now: Date): string {
  return monthWindow(new Date(now.getTime() - RECORDING_LIMITS.maxAgeMs)).period;
}

/** A month can be finalized once it is over (late events then still come as adjustments). */
export function isOver(period: string, now: Date): boolean {
  return periodWindow(period).end.getTime() <= now.getTime();
}

/** "UM-2026-11-0001": the month of the statement and its place among that month's statements. */
export function statementNumber(period: string, sequence: number): string {
  return `UM-${period}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Which open statement carries the corrections of each FINAL month: the tenant's earliest
 * statement after it that is not FINAL. `openPeriods` are the tenant's months with usage that are
 * not FINAL. A FINAL month with no open month after it keeps its corrections pending until the
 * tenant has one (its next month with usage). Returns open period → FINAL months it corrects.
 */
export function adjustmentTargets(finalPeriods: readonly string[], openPeriods: readonly string[]): Map<string, string[]> {
  const open = [...openPeriods].sort();
  const targets = new Map<string, string[]>(open.map((period) => [period, []]));
  for (const final of [...finalPeriods].sort()) {
    const target = open.find((period) => period > final);
    if (target) targets.get(target)!.push(final);
  }
  return targets;
}

/** Totals of a (month, service, model): current rollups, or frozen lines. */
export interface LineTotals {
  month: string;
  service: Service;
  model: string;
  units: Money;
  apiCalls: number;
  amountUsd: Money;
}

/**
 * The stateless exact rule: adjustment(M, service, model) = what the rollups of M hold now − what
 * statements froze for M (its own lines and every adjustment of M issued since). Only the nonzero
 * ones, ordered by month, service, model.
 */
export function adjustmentLines(current: readonly LineTotals[], frozen: readonly LineTotals[]): StatementLineRecord[] {
  const key = (row: LineTotals) => `${row.month}\u0000${row.service}\u0000${row.model}`;
  const sums = new Map<string, LineTotals>();
  const add = (row: LineTotals, sign: 1 | -1) => {
    const at = sums.get(key(row)) ?? { month: row.month, service: row.service, model: row.model, units: ZERO, apiCalls: 0, amountUsd: ZERO };
    sums.set(key(row), {
      ...at,
      units: at.units.plus(money(row.units).times(sign)),
      apiCalls: at.apiCalls + sign * row.apiCalls,
      amountUsd: at.amountUsd.plus(money(row.amountUsd).times(sign)),
    });
  };
  for (const row of current) add(row, 1);
  for (const row of frozen) add(row, -1);
  return [...sums.values()]
    .filter((row) => !row.units.isZero() || row.apiCalls !== 0 || !row.amountUsd.isZero())
    .sort((x, y) => (x.month < y.month ? -1 : x.month > y.month ? 1 : x.service < y.service ? -1 : x.service > y.service ? 1 : x.model < y.model ? -1 : x.model > y.model ? 1 : 0))
    .map((row) => ({ service: row.service, model: row.model, unit: unitOf(row.service, row.model), units: row.units, apiCalls: row.apiCalls, amountUsd: row.amountUsd, adjustmentOf: row.month }));
}

/** A statement's total: the sum of its lines, exact (its month's charged cost plus its adjustments). */
export function totalOf(lines: readonly StatementLineRecord[]): Money {
  return lines.reduce((sum, line) => sum.plus(line.amountUsd), ZERO);
}

// Structural shape of the kit's StatementRow fragment (web-kit/src/graphql/fragments.graphql):
// each app's generated fragment type is assignable to it.

export type StatementStatusName = 'OPEN' | 'FINAL';

export interface StatementRowData {
  id: string;
  number: string | null;
  period: string;
  status: StatementStatusName;
  totalUsd: string;
  finalizedAt: string | null;
  pdfUrl: string;
  csvUrl: string;
  tenant: { id: string; name: string };
}

export type StatementFormat = 'pdf' | 'csv';

/** The saved file's name: the number once FINAL, the period and "open" before. */
export function statementFileName(statement: Pick<StatementRowData, 'number' | 'period' | 'tenant'>, format: StatementFormat): string {
  const who = statement.tenant.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'customer';
  return `statement-${statement.number ?? `${statement.period}-open`}-${who}.${format}`;
}

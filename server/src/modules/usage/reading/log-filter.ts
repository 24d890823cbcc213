/** Which logs a list, a count or an export reads (the tenant already scoped by the caller). */
export interface LogFilter {
  tenantId?: string;
  service?: string | null;
  status?: string | null;
  from?: Date | null;
  to?: Date | null;
}

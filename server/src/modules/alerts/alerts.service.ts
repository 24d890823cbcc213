import type pg from 'pg';
import { Problems, notFound } from '../../core/graphql/errors.js';
import type { Viewer } from '../../core/viewer/viewer.js';
import type { AuditService } from '../audit/audit.service.js';
import { ALERT_COLUMNS, alertFromRow, type AlertRecord } from './alert.record.js';

const STATUSES = ['ACTIVE', 'ACKNOWLEDGED', 'RESOLVED'];

export class AlertsService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly audit: AuditService,
  ) {}

  async list(filter: { tenantId?: string; status?: string | null; type?: string | null; first?: number }): Promise<AlertRecord[]> {
    const { rows } = await this.pool.query(
      `select ${ALERT_COLUMNS} from alerts
        where ($1::uuid is null or tenant_id = $1) and ($2::text is null or status = $2) and ($3::text is null or type = $3)
        order by created_at desc, id desc limit $4`,
      [filter.tenantId ?? null, filter.status ?? null, filter.type ?? null, filter.first ?? 500],
    );
    return rows.map(alertFromRow);
  }

  async unresolved(tenantId: string): Promise<AlertRecord[]> {
    const { rows } = await this.pool.query(
      `select ${ALERT_COLUMNS} from alerts where tenant_id = $1 and status <> 'RESOLVED' order by created_at desc, id desc limit 100`,
      [tenantId],
    );
    return rows.map(alertFromRow);
  }

  async get(id: string): Promise<AlertRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const { rows } = await this.pool.query(`select ${ALERT_COLUMNS} from alerts where id = $1`, [id]);
    return rows[0] ? alertFromRow(rows[0]) : null;
  }

  /** ACTIVE → ACKNOWLEDGED; repeating it (or acknowledging a resolved alert) changes nothing. */
  async acknowledge(actor: Viewer, id: string): Promise<AlertRecord> {
    return this.move(actor, id, 'ACKNOWLEDGED', `status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = $2`, `status = 'ACTIVE'`, 'ALERT_ACKNOWLEDGED');
  }

  /** ACTIVE or ACKNOWLEDGED → RESOLVED; repeating it changes nothing. */
  async resolve(actor: Viewer, id: string): Promise<AlertRecord> {
    return this.move(actor, id, 'RESOLVED', `status = 'RESOLVED', resolved_at = now(), resolved_by = $2`, `status <> 'RESOLVED'`, 'ALERT_RESOLVED');
  }

  private async move(actor: Viewer, id: string, to: string, set: string, from: string, action: 'ALERT_ACKNOWLEDGED' | 'ALERT_RESOLVED'): Promise<AlertRecord> {
    if (!STATUSES.includes(to)) throw new Error(to);
    const problems = new Problems();
    if (!/^[0-9a-f-]{36}$/i.test(id)) problems.add('id', 'is not an alert id');
    problems.throwIfAny();
    const { rows } = await this.pool.query(`update alerts set ${set} where id = $1 and ${from} returning ${ALERT_COLUMNS}`, [id, actor.email ?? null]);
    if (rows[0]) {
      const alert = alertFromRow(rows[0]);
      await this.audit.record(this.pool, actor, action, { tenantId: alert.tenantId, targetId: id });
      return alert;
    }
    const existing = await this.get(id);
    if (!existing) throw notFound('Alert');
    return existing;
  }

  async activeCount(): Promise<number> {
    const { rows } = await this.pool.query(`select count(*) as n from alerts where status = 'ACTIVE'`);
    return Number(rows[0].n);
  }
}

import type pg from 'pg';

export interface TenantRef {
  id: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED';
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);

/**
 * Tenants by id, cached: every recorded event and every Tenant field in a response needs one, and
 * tenants change rarely. Renames and status changes call `forget`.
 */
export class TenantDirectory {
  private readonly cache = new Map<string, { ref: TenantRef | null; at: number }>();

  constructor(private readonly pool: pg.Pool) {}

  async find(id: string): Promise<TenantRef | null> {
    if (!isUuid(id)) return null;
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < 60_000) return cached.ref;
    const { rows } = await this.pool.query('select id, name, status, created_at from tenants where id = $1', [id]);
    const ref = rows[0] ? { id: rows[0].id, name: rows[0].name, status: rows[0].status, createdAt: rows[0].created_at } : null;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(id, { ref, at: Date.now() });
    return ref;
  }

  forget(id?: string): void {
    if (id) this.cache.delete(id);
    else this.cache.clear();
  }
}

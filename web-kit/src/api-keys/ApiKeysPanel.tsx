import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, fieldErrorsOf } from '../apollo/graphql-errors';
import { formatDateTime, formatRelative } from '../periods/periods';
import { Badge } from '../ui/Badge';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { SkeletonRows } from '../ui/Skeleton';
import { useToast } from '../ui/Toasts';
import { NewApiKeyDialog } from './NewApiKeyDialog';

/** A key as ApiKeyFields selects it: never the secret, only its start and last four characters. */
export interface ApiKeyListItem {
  id: string;
  name: string;
  prefix: string;
  lastFour: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeysPanelProps {
  /** Undefined until the first answer. */
  keys: readonly ApiKeyListItem[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** Offers "Create key" and "Revoke"; otherwise the list is read-only. */
  canManage: boolean;
  /** Creates the key (createApiKey) and resolves with its secret, shown once. */
  onCreate: (name: string) => Promise<string>;
  onRevoke: (id: string) => Promise<unknown>;
  /** What keys are for, under the list's heading. */
  intro: ReactNode;
  /** The empty list's hint. */
  emptyHint?: ReactNode;
}

/** Active keys first, newest first within each group. */
export function sortApiKeys<Key extends ApiKeyListItem>(keys: readonly Key[]): Key[] {
  return [...keys].sort(
    (a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.createdAt.localeCompare(a.createdAt),
  );
}

function CreateKeyForm({
  onCreate,
  onCreated,
}: {
  onCreate: (name: string) => Promise<string>;
  onCreated: (name: string, secret: string) => void;
}) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [apiError, setApiError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const apiNameError = fieldErrorsOf(apiError).name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Name the key after where it will be used, e.g. “Production backend”.');
    setNameError(undefined);
    setCreating(true);
    try {
      const secret = await onCreate(trimmed);
      setName('');
      onCreated(trimmed, secret);
    } catch (error) {
      setApiError(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <form className="api-key-form" onSubmit={(e) => void submit(e)} noValidate>
      {apiError && !apiNameError ? (
        <div className="banner banner-danger" role="alert">
          {errorMessage(apiError)}
        </div>
      ) : null}
      <Field label="Key name" hint="Where it will be used." error={nameError ?? apiNameError}>
        {(p) => (
          <input
            {...p}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            autoComplete="off"
          />
        )}
      </Field>
      <div>
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}

/**
 * A tenant's integrator keys in both apps: the list (start and last four only, created, last
 * used, revoked), and for those who may manage them a create form whose secret is shown once in a
 * dialog, and Revoke behind a confirmation.
 */
export function ApiKeysPanel({
  keys,
  loading,
  error,
  onRetry,
  canManage,
  onCreate,
  onRevoke,
  intro,
  emptyHint,
}: ApiKeysPanelProps) {
  const toast = useToast();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyListItem | null>(null);
  const rows = sortApiKeys(keys ?? []);
  const apiKeysHeading = useId();
  const newApiKeyHeading = useId();

  return (
    <div className={canManage ? 'list-and-form' : undefined}>
      <section aria-labelledby={apiKeysHeading}>
        <h2 id={apiKeysHeading}>Integrator API keys</h2>
        <p className="muted small">{intro}</p>
        <ErrorBanner error={error} onRetry={onRetry} stale={!!keys} />
        {!keys && loading && <SkeletonRows rows={3} label="Loading API keys" />}
        {keys && (
          <DataTable
            label="API keys"
            rows={rows}
            rowKey={(k) => k.id}
            rowClassName={(k) => (k.revokedAt ? 'row-muted' : undefined)}
            empty={<EmptyState title="No API keys yet." hint={emptyHint} />}
            columns={[
              { key: 'name', header: 'Name', rowHeader: true, cell: (k) => k.name },
              {
                key: 'key',
                header: 'Key',
                cell: (k) => (
                  <code>
                    {k.prefix}…{k.lastFour}
                  </code>
                ),
              },
              {
                key: 'created',
                header: 'Created',
                className: 'nowrap',
                cell: (k) => <time dateTime={k.createdAt}>{formatDateTime(k.createdAt)}</time>,
              },
              {
                key: 'last-used',
                header: 'Last used',
                className: 'nowrap',
                cell: (k) =>
                  k.lastUsedAt ? (
                    <time dateTime={k.lastUsedAt} title={formatDateTime(k.lastUsedAt)}>
                      {formatRelative(k.lastUsedAt)}
                    </time>
                  ) : (
                    <span className="muted">never</span>
                  ),
              },
              {
                key: 'status',
                header: 'Status',
                cell: (k) =>
                  k.revokedAt ? (
                    <Badge tone="neutral">Revoked {formatDateTime(k.revokedAt)}</Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  ),
              },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      header: <span className="visually-hidden">Actions</span>,
                      label: 'Actions',
                      cell: (k: ApiKeyListItem) =>
                        !k.revokedAt && (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            onClick={() => setRevoking(k)}
                            aria-label={`Revoke key ${k.name}`}
                          >
                            Revoke
                          </button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </section>
      {canManage && (
        <section className="card side-form" aria-labelledby={newApiKeyHeading}>
          <h2 id={newApiKeyHeading}>Create a key</h2>
          <CreateKeyForm onCreate={onCreate} onCreated={(name, secret) => setCreated({ name, secret })} />
        </section>
      )}
      {created && (
        <NewApiKeyDialog name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          busyLabel="Revoking…"
          onConfirm={async () => {
            await onRevoke(revoking.id);
            toast.push(`Key “${revoking.name}” revoked`, 'success');
          }}
          onClose={() => setRevoking(null)}
        >
          <p>
            Calls made with{' '}
            <code>
              {revoking.prefix}…{revoking.lastFour}
            </code>{' '}
            are rejected from now on. This cannot be undone: give the integration a new key first.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '@usage-monitor/web-kit/apollo';
import { apiFieldProblem } from '@usage-monitor/web-kit/auth';
import { formatUsdExact } from '@usage-monitor/web-kit/money';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { Dialog, Field, useToast } from '@usage-monitor/web-kit/ui';
import { formatLogUsage, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import { VoidUsageDocument, type UsageLogRowFragment } from '../../__generated__/graphql';
import { useRefetchUsageTotals } from '../../shared/refetch';

/** The server's limit on a void reason (usage-void.service.ts). */
export const VOID_REASON_MAX_LENGTH = 500;

/**
 * Confirms voiding one usage log: what it is (customer, service, time, exact cost) and why, in
 * words kept with the log and in the audit log. Nothing is sent until "Void this event".
 */
export function VoidUsageDialog({
  log,
  onClose,
  onVoided,
}: {
  log: UsageLogRowFragment;
  onClose: () => void;
  onVoided?: () => void;
}) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [apiError, setApiError] = useState<unknown>(null);
  const [voidUsage, { loading }] = useMutation(VoidUsageDocument);
  const refetchTotals = useRefetchUsageTotals();
  const toast = useToast();
  const service = SERVICE_LABELS[log.service];
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const apiReasonProblem = apiFieldProblem(apiError, 'reason');
  const apiReasonError = apiReasonProblem ? `This reason ${apiReasonProblem}.` : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const why = reason.trim();
    const problem = !why
      ? 'Say why this event should not count; the reason is kept with it.'
      : why.length > VOID_REASON_MAX_LENGTH
        ? `Keep the reason within ${VOID_REASON_MAX_LENGTH} characters (it has ${why.length}).`
        : undefined;
    setReasonError(problem);
    if (problem) {
      reasonRef.current?.focus();
      return;
    }
    try {
      await voidUsage({ variables: { id: log.id, reason: why, occurredAt: log.occurredAt } });
      void refetchTotals();
      toast.push(`Voided: ${formatUsdExact(log.costUsd)} of ${log.tenant.name} no longer counts.`, 'success');
      onClose();
      onVoided?.();
    } catch (error) {
      setApiError(error);
      if (apiFieldProblem(error, 'reason')) reasonRef.current?.focus();
    }
  };

  return (
    <Dialog
      title="Void this event?"
      description="It stops counting in every total, quota and end-user figure, exactly. The row stays, struck through, with your reason. This cannot be undone."
      onClose={onClose}
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {apiError && !apiReasonError ? (
          <div className="banner banner-danger" role="alert">
            {errorMessage(apiError)}
          </div>
        ) : null}
        <dl className="void-summary">
          <dt>Customer</dt>
          <dd>{log.tenant.name}</dd>
          <dt>Service</dt>
          <dd>
            {service}
            {log.model ? ` · ${log.model}` : ''}
          </dd>
          <dt>Time</dt>
          <dd>
            <time dateTime={log.occurredAt}>{formatDateTime(log.occurredAt)}</time>
          </dd>
          <dt>Usage</dt>
          <dd>{formatLogUsage(log)}</dd>
          <dt>Cost</dt>
          <dd className="money">{formatUsdExact(log.costUsd)}</dd>
          <dt>Request ID</dt>
          <dd className="small">{log.requestId}</dd>
        </dl>
        <Field
          label="Reason"
          hint="Kept with the event and in the audit log."
          error={reasonError ?? apiReasonError}
        >
          {(p) => (
            <textarea
              {...p}
              ref={reasonRef}
              name="reason"
              rows={3}
              required
              aria-required="true"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={loading}>
            {loading ? 'Voiding…' : 'Void this event'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

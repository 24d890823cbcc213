import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { formatPercent } from '@usage-monitor/web-kit/levels';
import { Dialog, Field, useToast } from '@usage-monitor/web-kit/ui';
import { formatMetricValue } from '@usage-monitor/web-kit/units';
import { RemoveQuotaDocument, SetQuotaDocument, type QuotaBarFragment, type QuotaLimitsFragment, type QuotaMetric } from '../../__generated__/graphql';
import { useRefetchActive } from '../../shared/refetch';
import { buildQuotaInput, quotaToForm, type LimitField, type QuotaFormValues } from './quotaForm';

const LIMITS: { field: LimitField; metric?: QuotaMetric; label: string; unit: string; hint?: string }[] = [
  { field: 'openaiTokenLimit', metric: 'OPENAI_TOKENS', label: 'OpenAI tokens per month', unit: 'tokens' },
  { field: 'elevenlabsCharacterLimit', metric: 'ELEVENLABS_CHARACTERS', label: 'ElevenLabs characters per month', unit: 'characters' },
  { field: 'smartfloMinuteLimit', metric: 'SMARTFLO_MINUTES', label: 'Smartflo minutes per month', unit: 'minutes' },
  { field: 'monthlyCostLimitUsd', metric: 'MONTHLY_COST', label: 'Monthly cost (USD)', unit: 'USD' },
  {
    field: 'endUserMonthlyCostLimitUsd',
    label: 'Monthly cost per end user (USD)',
    unit: 'USD',
    hint: 'Each end user of this customer on its own; reaching it raises an end-user cap alert (Hard: the gateway refuses that user).',
  },
  { field: 'requestsPerMinuteLimit', metric: 'REQUESTS_PER_MINUTE', label: 'Requests per minute', unit: 'requests' },
];

const REFETCH = ['QuotaStandings', 'CustomerOverview'];

export function QuotaDialog({
  tenant,
  quota,
  usages,
  onClose,
}: {
  tenant: { id: string; name: string };
  quota: QuotaLimitsFragment | null;
  usages: readonly QuotaBarFragment[];
  onClose: () => void;
}) {
  const [form, setForm] = useState<QuotaFormValues>(() => quotaToForm(quota));
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof QuotaFormValues, string>>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toast = useToast();
  const refetch = useRefetchActive();
  const [setQuota, saving] = useMutation(SetQuotaDocument);
  const [removeQuota, removing] = useMutation(RemoveQuotaDocument);

  const apiFieldErrors = fieldErrorsOf(apiError);
  const knownFields = new Set<string>([...LIMITS.map((l) => l.field), 'alertAtPercentage', 'enforcement']);
  const unplacedApiErrors = Object.entries(apiFieldErrors).filter(([field]) => !knownFields.has(field));
  const errorFor = (field: keyof QuotaFormValues) => clientErrors[field] ?? apiFieldErrors[field];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setNotice(null);
    const { input, errors } = buildQuotaInput(quota, form);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    if (!Object.keys(input).length) {
      setNotice(quota ? 'Nothing changed.' : 'Set at least one limit.');
      return;
    }
    try {
      await setQuota({ variables: { tenantId: tenant.id, input } });
      void refetch(REFETCH);
      toast.push(`Limits for ${tenant.name} saved`, 'success');
      onClose();
    } catch (e) {
      setApiError(e);
    }
  };

  const remove = async () => {
    if (!window.confirm(`Remove every limit of ${tenant.name}? Usage keeps being recorded, without quota alerts.`)) return;
    try {
      await removeQuota({ variables: { tenantId: tenant.id } });
      void refetch(REFETCH);
      toast.push(`Limits for ${tenant.name} removed`, 'success');
      onClose();
    } catch (e) {
      setApiError(e);
    }
  };

  const set = (field: keyof QuotaFormValues) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  return (
    <Dialog title={`Limits for ${tenant.name}`} description="Monthly limits raise alerts; leave a field empty for no limit." onClose={onClose} wide>
      <form className="form" onSubmit={submit} noValidate>
        {apiError && (!Object.keys(apiFieldErrors).length || unplacedApiErrors.length) ? (
          <div className="banner banner-danger" role="alert">
            {unplacedApiErrors.length ? unplacedApiErrors.map(([, m]) => m).join(' ') : errorMessage(apiError)}
          </div>
        ) : null}
        {notice && <div className="banner banner-info" role="status">{notice}</div>}
        <div className="form-grid">
          {LIMITS.map(({ field, metric, label, unit, hint }) => {
            const usage = metric && usages.find((u) => u.metric === metric);
            return (
              <Field
                key={field}
                label={label}
                error={errorFor(field)}
                hint={usage ? `Used this month: ${formatMetricValue(usage.metric, usage.used)} (${formatPercent(usage.percentUsed)})` : (hint ?? `No limit set (${unit})`)}
              >
                {(p) => <input {...p} name={field} inputMode={unit === 'USD' || field === 'smartfloMinuteLimit' ? 'decimal' : 'numeric'} value={form[field]} onChange={set(field)} placeholder="No limit" />}
              </Field>
            );
          })}
          <Field label="Alert at (% of each limit)" hint="QUOTA_APPROACHING fires here; QUOTA_EXCEEDED at 100 %." error={errorFor('alertAtPercentage')}>
            {(p) => <input {...p} name="alertAtPercentage" inputMode="numeric" value={form.alertAtPercentage} onChange={set('alertAtPercentage')} />}
          </Field>
          <Field label="Enforcement" hint="Hard: checkQuota answers “not allowed” past a limit. Recording is never refused." error={errorFor('enforcement')}>
            {(p) => (
              <select {...p} name="enforcement" value={form.enforcement} onChange={(e) => setForm((f) => ({ ...f, enforcement: e.target.value as QuotaFormValues['enforcement'] }))}>
                <option value="SOFT">Soft (alerts only)</option>
                <option value="HARD">Hard (checkQuota denies)</option>
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions form-actions-split">
          {quota ? (
            <button type="button" className="button button-danger" onClick={() => void remove()} disabled={removing.loading}>
              Remove all limits
            </button>
          ) : (
            <span />
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={onClose}>Cancel</button>
            <button type="submit" className="button button-primary" disabled={saving.loading}>
              {saving.loading ? 'Saving…' : 'Save limits'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}

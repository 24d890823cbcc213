import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { isDecimalInput } from '@usage-monitor/web-kit/money';
import { Dialog, Field, useToast } from '@usage-monitor/web-kit/ui';
import { SERVICE_LABELS, SERVICES } from '@usage-monitor/web-kit/units';
import { AddPriceDocument, type AddPriceInput, type Service } from '../../__generated__/graphql';

type RateField = 'inputPer1kTokens' | 'cachedInputPer1kTokens' | 'outputPer1kTokens' | 'per1kCharacters' | 'perMinute';

const RATE_LABEL: Record<RateField, string> = {
  inputPer1kTokens: 'Input, per 1K tokens',
  cachedInputPer1kTokens: 'Cached input, per 1K tokens',
  outputPer1kTokens: 'Output, per 1K tokens',
  per1kCharacters: 'Per 1K characters',
  perMinute: 'Per minute',
};

/** Which rates apply to each service (OpenAI speech and Whisper models bill characters and minutes). */
export const RATES_BY_SERVICE: Record<Service, RateField[]> = {
  OPENAI: ['inputPer1kTokens', 'cachedInputPer1kTokens', 'outputPer1kTokens', 'per1kCharacters', 'perMinute'],
  ELEVENLABS: ['per1kCharacters'],
  SMARTFLO: ['perMinute'],
};

export function AddPriceDialog({ initialService, initialModel, onClose }: { initialService?: Service; initialModel?: string; onClose: () => void }) {
  const [service, setService] = useState<Service>(initialService ?? 'OPENAI');
  const [model, setModel] = useState(initialModel ?? '');
  const [rates, setRates] = useState<Partial<Record<RateField, string>>>({});
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const toast = useToast();
  const [addPrice, { loading }] = useMutation(AddPriceDocument, { refetchQueries: ['Pricing'] });
  const apiFieldErrors = fieldErrorsOf(apiError);
  const fields = RATES_BY_SERVICE[service];
  const placed = new Set<string>(['service', 'model', 'effectiveFrom', ...fields]);
  const unplaced = Object.entries(apiFieldErrors).filter(([f]) => !placed.has(f));
  const errorFor = (f: string) => clientErrors[f] ?? apiFieldErrors[f];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const errors: Record<string, string> = {};
    const input: AddPriceInput = { service, model: model.trim() };
    for (const f of fields) {
      const v = (rates[f] ?? '').trim();
      if (!v) continue;
      if (!isDecimalInput(v)) errors[f] = 'Enter a USD amount, e.g. 0.0025.';
      else input[f] = v.startsWith('.') ? `0${v}` : v;
    }
    if (!fields.some((f) => input[f] !== undefined) && !Object.keys(errors).length) errors[fields[0]] = 'Enter at least one rate.';
    if (effectiveFrom) {
      const when = new Date(effectiveFrom);
      if (Number.isNaN(when.getTime())) errors.effectiveFrom = 'Enter a valid date and time.';
      else input.effectiveFrom = when.toISOString();
    }
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      await addPrice({ variables: { input } });
      toast.push(`Price for ${SERVICE_LABELS[service]} ${input.model || '(all models)'} added`, 'success');
      onClose();
    } catch (e) {
      setApiError(e);
    }
  };

  return (
    <Dialog title="Add a price" description="A new price applies from its effective date; costs already recorded never change." onClose={onClose} wide>
      <form className="form" onSubmit={submit} noValidate>
        {apiError && (!Object.keys(apiFieldErrors).length || unplaced.length) ? (
          <div className="banner banner-danger" role="alert">
            {unplaced.length ? unplaced.map(([, m]) => m).join(' ') : errorMessage(apiError)}
          </div>
        ) : null}
        <div className="form-grid">
          <Field label="Service" error={errorFor('service')}>
            {(p) => (
              <select {...p} value={service} onChange={(e) => setService(e.target.value as Service)}>
                {SERVICES.map((s) => (
                  <option key={s} value={s}>{SERVICE_LABELS[s]}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Model prefix" hint="Longest prefix wins (gpt-4o-mini beats gpt-4o). Empty = every model of the service." error={errorFor('model')}>
            {(p) => <input {...p} value={model} onChange={(e) => setModel(e.target.value)} placeholder="e.g. gpt-4o" autoComplete="off" />}
          </Field>
          {fields.map((f) => (
            <Field key={f} label={`${RATE_LABEL[f]} (USD)`} error={errorFor(f)}>
              {(p) => <input {...p} name={f} inputMode="decimal" value={rates[f] ?? ''} onChange={(e) => setRates((r) => ({ ...r, [f]: e.target.value }))} placeholder="—" />}
            </Field>
          ))}
          <Field label="Effective from (your local time)" hint="Leave empty for now. Cannot be in the past." error={errorFor('effectiveFrom')}>
            {(p) => <input {...p} type="datetime-local" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Adding…' : 'Add price'}</button>
        </div>
      </form>
    </Dialog>
  );
}

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parseUsageSource, USAGE_SOURCE_LABELS, USAGE_SOURCES } from '../units/sources';
import { CopyButton } from './CopyButton';
import { UsageSourceLabel, UsageSourceSelect } from './UsageSource';

describe('usage sources', () => {
  it('reads a source from the URL whatever its case, and nothing else', () => {
    expect(parseUsageSource('gateway_estimated')).toBe('GATEWAY_ESTIMATED');
    expect(parseUsageSource('WEBHOOK')).toBe('WEBHOOK');
    expect(parseUsageSource('EMAIL')).toBeUndefined();
    expect(parseUsageSource(null)).toBeUndefined();
  });

  it('labels every source readably, with what it means on hover', () => {
    expect(USAGE_SOURCES.map((s) => USAGE_SOURCE_LABELS[s])).toEqual(['API', 'Gateway', 'Gateway (estimated)', 'Webhook']);
    render(<UsageSourceLabel source="GATEWAY_ESTIMATED" />);
    expect(screen.getByText('Gateway (estimated)').getAttribute('title')).toMatch(/counted the units itself/);
  });

  it('offers every source and "all", and reports the choice', async () => {
    const onChange = vi.fn();
    render(
      <>
        <label htmlFor="s">Source</label>
        <UsageSourceSelect id="s" value="API" onChange={onChange} />
      </>,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Source');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'All sources',
      'API',
      'Gateway',
      'Gateway (estimated)',
      'Webhook',
    ]);
    expect(select.value).toBe('API');
    const user = userEvent.setup();
    await user.selectOptions(select, 'WEBHOOK');
    await user.selectOptions(select, '');
    expect(onChange.mock.calls).toEqual([['WEBHOOK'], [undefined]]);
  });
});

describe('CopyButton', () => {
  it('names what it copies for screen readers, and copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<CopyButton text="https://usage.example.com/gateway/openai/v1" what="the OpenAI base URL" />);
    await user.click(screen.getByRole('button', { name: 'Copy the OpenAI base URL' }));
    expect(writeText).toHaveBeenCalledWith('https://usage.example.com/gateway/openai/v1');
    expect(await screen.findByText('Copied ✓')).toBeTruthy();
  });
});

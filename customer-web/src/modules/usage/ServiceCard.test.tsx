import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { quota, serviceUsage } from '../../test/fixtures';
import { ServiceCard } from './ServiceCard';

afterEach(cleanup);

describe('ServiceCard', () => {
  it('shows usage and cost without a bar when there is no quota', () => {
    render(<ServiceCard usage={serviceUsage({ service: 'ELEVENLABS', units: 1_200, costUsd: '0.036', apiCalls: 3 })} />);
    const card = screen.getByRole('article', { name: 'ElevenLabs' });
    expect(within(card).getByText('1,200 characters')).toBeTruthy();
    expect(within(card).getByText('$0.036')).toBeTruthy();
    expect(within(card).queryByRole('progressbar')).toBeNull();
    expect(within(card).getByText('No monthly limit set for ElevenLabs.')).toBeTruthy();
  });

  it('shows the quota bar coloured by the API level, with percent, limit and projected date', () => {
    render(<ServiceCard usage={serviceUsage({ quota: quota() })} />);
    const card = screen.getByRole('article', { name: 'OpenAI' });
    const bar = within(card).getByRole('progressbar', { name: 'Monthly token limit' });
    expect(bar.getAttribute('aria-valuenow')).toBe('84');
    expect(bar.getAttribute('aria-valuetext')).toBe('84% used: 420,000 of 500,000 tokens. Warning.');
    expect(card.querySelector('.quota')?.className).toContain('level-warning');
    expect(within(card).getByText('84%')).toBeTruthy();
    expect(within(card).getByText('Warning')).toBeTruthy();
    expect(within(card).getByText('420,000 of 500,000 tokens')).toBeTruthy();
    expect(within(card).getByText(/limit will be reached on Nov 2[45], 2026/)).toBeTruthy();
  });

  it("takes the colour from the API's level, not from its own banding", () => {
    render(<ServiceCard usage={serviceUsage({ quota: quota({ percentUsed: 85, level: 'CRITICAL' }) })} />);
    expect(document.querySelector('.quota')?.className).toContain('level-critical');
    expect(screen.getByText('Critical')).toBeTruthy();
  });

  it('keeps aria-valuenow within range and says when the limit is exceeded', () => {
    render(
      <ServiceCard
        usage={serviceUsage({
          service: 'SMARTFLO',
          units: 104,
          quota: quota({ metric: 'SMARTFLO_MINUTES', used: 104, limit: 100, percentUsed: 104, level: 'CRITICAL', projectedLimitAt: null }),
        })}
      />,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toContain('104% used: 104 of 100 min');
    expect(screen.getByText('Limit exceeded. Calls are still recorded and billed.')).toBeTruthy();
  });

  it('says when the limit will not be reached this month', () => {
    render(<ServiceCard usage={serviceUsage({ quota: quota({ percentUsed: 20, level: 'OK', projectedLimitAt: null }) })} />);
    expect(screen.getByText('At this pace the limit will not be reached this month.')).toBeTruthy();
  });
});

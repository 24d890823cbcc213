import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentPeriod, monthRange } from '@usage-monitor/web-kit/periods';
import { GatewayCallCountsDocument } from '../../__generated__/graphql';
import { renderWithProviders } from '../../test/render';
import { GatewayStatusCard } from './GatewayStatusCard';

const from = monthRange(currentPeriod()).from;
const filter = (source: string) => ({ tenantId: 't-acme', source, from });
const count = (totalCount: number) => ({ __typename: 'UsageLogConnection' as const, totalCount });

const countsMock = {
  request: {
    query: GatewayCallCountsDocument,
    variables: { measured: filter('GATEWAY'), estimated: filter('GATEWAY_ESTIMATED'), webhook: filter('WEBHOOK') },
  },
  result: { data: { measured: count(1_200), estimated: count(34), webhook: count(1) } },
};

describe('GatewayStatusCard', () => {
  it('shows which provider keys the gateway can use and this month’s gateway calls by how they were metered', async () => {
    renderWithProviders(
      <GatewayStatusCard
        tenant={{
          id: 't-acme',
          providerCredentials: [{ provider: 'OPENAI', updatedAt: '2026-11-01T00:00:00.000Z' }],
        }}
      />,
      { mocks: [countsMock] },
    );
    const openai = screen.getByRole('group', { name: 'OpenAI through the gateway' });
    expect(within(openai).getByText('Set')).toBeTruthy();
    const elevenlabs = screen.getByRole('group', { name: 'ElevenLabs through the gateway' });
    expect(within(elevenlabs).getByText('Not set')).toBeTruthy();
    expect(within(elevenlabs).getByText(/answer 424 PROVIDER_CREDENTIAL_MISSING/)).toBeTruthy();

    const calls = screen.getByRole('group', { name: 'Gateway calls this month' });
    expect(await within(calls).findByText('1,234')).toBeTruthy();
    const day = `${currentPeriod()}-01`;
    expect(within(calls).getByRole('link', { name: '1,200 measured' }).getAttribute('href')).toBe(
      `/usage-logs?tenant=t-acme&source=GATEWAY&from=${day}`,
    );
    expect(within(calls).getByRole('link', { name: '34 estimated' }).getAttribute('href')).toContain('source=GATEWAY_ESTIMATED');
    expect(within(calls).getByRole('link', { name: '1 webhook record' }).getAttribute('href')).toContain('source=WEBHOOK');
    // The addresses the customer's code points at, on this page's origin.
    expect(screen.getByText(`${window.location.origin}/gateway/openai/v1`)).toBeTruthy();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AcknowledgeAlertDocument, ActiveAlertsDocument, type AlertFieldsFragment } from '../../__generated__/graphql';
import { ownerViewer, renderWithProviders } from '../../test/render';
import { ActiveAlertsSection } from './ActiveAlertsSection';

function alert(overrides: Partial<AlertFieldsFragment>): AlertFieldsFragment & { __typename: 'Alert' } {
  return {
    __typename: 'Alert',
    id: 'a1',
    type: 'QUOTA_EXCEEDED',
    metric: 'OPENAI_TOKENS',
    status: 'ACTIVE',
    message: 'OpenAI tokens passed 100% of the monthly limit',
    thresholdPercent: 100,
    currentValue: 1_050_000,
    limitValue: 1_000_000,
    period: '2026-11',
    endUser: null,
    createdAt: '2026-11-22T10:15:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    tenant: { __typename: 'Tenant', id: 't1', name: 'Acme Corp' } as AlertFieldsFragment['tenant'],
    ...overrides,
  };
}

const exceeded = alert({});
const approaching = alert({
  id: 'a2',
  type: 'QUOTA_APPROACHING',
  metric: 'SMARTFLO_MINUTES',
  message: 'Smartflo minutes reached 80% of the monthly limit',
  thresholdPercent: 80,
  currentValue: 400,
  limitValue: 500,
  tenant: { __typename: 'Tenant', id: 't2', name: 'Globex' } as AlertFieldsFragment['tenant'],
});

describe('ActiveAlertsSection', () => {
  it('renders nothing when no alert is active', async () => {
    const { container } = renderWithProviders(<ActiveAlertsSection />, {
      mocks: [{ request: { query: ActiveAlertsDocument }, result: { data: { alerts: [] } } }],
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('section')).toBeNull();
  });

  it('shows red boxes for exceeded quotas and orange for the rest, naming customer, metric and issue', async () => {
    renderWithProviders(<ActiveAlertsSection />, {
      mocks: [{ request: { query: ActiveAlertsDocument }, result: { data: { alerts: [approaching, exceeded] } } }],
    });
    const red = await screen.findByRole('listitem', { name: 'Acme Corp: OpenAI tokens, Quota exceeded' });
    const orange = screen.getByRole('listitem', { name: 'Globex: Smartflo minutes, Quota approaching' });
    expect(red.className).toContain('alert-box-critical');
    expect(orange.className).toContain('alert-box-warning');
    // Exceeded first, whatever order the API used.
    expect(screen.getAllByRole('listitem')[0]).toBe(red);
    expect(within(red).getByText(/1,050,000 tokens of 1,000,000 tokens/)).toBeTruthy();
    expect(within(orange).getByText(/400 min of 500 min/)).toBeTruthy();
  });

  it('offers no Acknowledge to an admin VIEWER', async () => {
    renderWithProviders(<ActiveAlertsSection />, {
      viewer: { ...ownerViewer, adminRole: 'VIEWER' },
      mocks: [{ request: { query: ActiveAlertsDocument }, result: { data: { alerts: [exceeded] } } }],
    });
    await screen.findByRole('listitem', { name: 'Acme Corp: OpenAI tokens, Quota exceeded' });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('acknowledges with one click and the count drops', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ActiveAlertsSection />, {
      mocks: [
        { request: { query: ActiveAlertsDocument }, result: { data: { alerts: [exceeded, approaching] } } },
        {
          request: { query: AcknowledgeAlertDocument, variables: { id: 'a1' } },
          result: {
            data: {
              acknowledgeAlert: {
                __typename: 'Alert',
                id: 'a1',
                status: 'ACKNOWLEDGED',
                acknowledgedAt: '2026-11-22T10:20:00.000Z',
                acknowledgedBy: 'admin@example.com',
              },
            },
          },
        },
        // refetchQueries after the mutation
        { request: { query: ActiveAlertsDocument }, result: { data: { alerts: [approaching] } } },
      ],
    });

    const heading = await screen.findByRole('heading', { name: /Active alerts/ });
    expect(heading.textContent).toContain('2');
    await user.click(screen.getByRole('button', { name: 'Acknowledge quota exceeded alert for Acme Corp' }));

    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Acme Corp/ })).toBeNull());
    expect(screen.getByRole('heading', { name: /Active alerts/ }).textContent).toContain('1');
    expect(screen.getByRole('listitem', { name: /Globex/ })).toBeTruthy();
    expect(await screen.findByText('Alert acknowledged')).toBeTruthy();
  });

  it('keeps the alert and says why when acknowledging fails', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ActiveAlertsSection />, {
      mocks: [
        { request: { query: ActiveAlertsDocument }, result: { data: { alerts: [exceeded] } } },
        {
          request: { query: AcknowledgeAlertDocument, variables: { id: 'a1' } },
          result: { errors: [{ message: 'Alert not found', extensions: { code: 'NOT_FOUND' } }] },
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: /Acknowledge/ }));
    expect(await screen.findByText(/Could not acknowledge the alert: Alert not found/)).toBeTruthy();
    expect(screen.getByRole('listitem', { name: /Acme Corp/ })).toBeTruthy();
  });
});

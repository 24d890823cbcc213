import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Outlet, type RouteObject } from 'react-router';
import { customerViewer } from '../../test/fixtures';
import { renderWithSession } from '../../test/mock-session';
import { RequireCustomer } from '../auth/RequireCustomer';
import { IntegratePage } from './IntegratePage';
import { gatewaySnippets, reportingSnippets } from './integration-snippets';

afterEach(cleanup);

const routes: RouteObject[] = [
  {
    element: <RequireCustomer />,
    children: [{ element: <Outlet />, children: [{ path: '/integrate', element: <IntegratePage /> }] }],
  },
];

const urls = {
  openai: 'https://usage.example.com/gateway/openai/v1',
  elevenlabs: 'https://usage.example.com/gateway/elevenlabs',
  graphql: 'https://usage.example.com/graphql',
};

describe('integration snippets', () => {
  it('point the official SDKs at the gateway with a Usage Monitor key, never a provider key', () => {
    const [node, python, elevenlabs] = gatewaySnippets(urls);
    expect(node!.code).toContain(`baseURL: '${urls.openai}'`);
    expect(node!.code).toContain('apiKey: process.env.USAGE_MONITOR_API_KEY');
    expect(python!.code).toContain(`base_url="${urls.openai}"`);
    expect(elevenlabs!.code).toContain(`baseUrl: '${urls.elevenlabs}'`);
    expect(elevenlabs!.code).toContain('apiKey: process.env.USAGE_MONITOR_API_KEY');
    for (const snippet of gatewaySnippets(urls)) expect(snippet.code).not.toMatch(/OPENAI_API_KEY|ELEVENLABS_API_KEY/);
  });

  it('offer the SDK and raw GraphQL against this server as the alternative', () => {
    const [sdk, graphql] = reportingSnippets(urls);
    expect(sdk!.code).toContain(`url: '${urls.graphql}'`);
    expect(graphql!.code).toContain(`curl -sf '${urls.graphql}'`);
    expect(graphql!.code).toContain('authorization: Bearer $USAGE_MONITOR_API_KEY');
  });
});

describe('IntegratePage', () => {
  it('fills in this page’s origin, copies it, and sends an owner to create a key', async () => {
    renderWithSession({ routes, url: '/integrate', handlers: { Me: () => ({ me: customerViewer }) } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrate' })).toBeTruthy();
    const origin = window.location.origin;
    expect(screen.getByText(`${origin}/gateway/openai/v1`)).toBeTruthy();
    expect(screen.getByText(`${origin}/gateway/elevenlabs`)).toBeTruthy();
    const openaiExample = screen.getByRole('figure', { name: 'OpenAI SDK (Node.js)' });
    expect(within(openaiExample).getByText(/baseURL: '.*\/gateway\/openai\/v1'/).textContent).toContain(
      `baseURL: '${origin}/gateway/openai/v1'`,
    );
    expect(screen.getByRole('link', { name: 'API keys' }).getAttribute('href')).toBe('/api-keys');
    expect(screen.getByText(/Create one on the/)).toBeTruthy();

    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await user.click(screen.getByRole('button', { name: 'Copy the OpenAI base URL' }));
    expect(writeText).toHaveBeenCalledWith(`${origin}/gateway/openai/v1`);
    await user.click(within(openaiExample).getByRole('button', { name: /^Copy/ }));
    expect(writeText).toHaveBeenLastCalledWith(expect.stringContaining("import OpenAI from 'openai';"));
  });

  it('tells a member that an owner creates the keys', async () => {
    renderWithSession({
      routes,
      url: '/integrate',
      handlers: { Me: () => ({ me: { ...customerViewer, customerRole: 'MEMBER' } }) },
    });
    expect(await screen.findByText(/An owner of your team creates them on the/)).toBeTruthy();
  });
});

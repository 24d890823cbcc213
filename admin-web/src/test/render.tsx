import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ToastProvider } from '@usage-monitor/web-kit/ui';

/** Renders `ui` with mocked GraphQL responses, a router at `route`, and toasts. */
export function renderWithProviders(
  ui: ReactElement,
  { mocks = [], route = '/', path = '*' }: { mocks?: MockLink.MockedResponse[]; route?: string; path?: string } = {},
) {
  const location: { current?: ReturnType<typeof useLocation> } = {};
  function LocationProbe() {
    location.current = useLocation();
    return null;
  }
  const result = render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[route]}>
        <ToastProvider>
          <Routes>
            <Route
              path={path}
              element={
                <>
                  {ui}
                  <LocationProbe />
                </>
              }
            />
          </Routes>
        </ToastProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
  return { ...result, location };
}

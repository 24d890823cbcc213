import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ToastProvider } from '@usage-monitor/web-kit/ui';
import { ViewerContext, type Viewer } from '../app/viewer';

/** The admin a page sees by default in tests: an OWNER, who is offered every control. */
export const ownerViewer: Viewer = {
  id: 'admin-1',
  email: 'admin@example.com',
  role: 'ADMIN',
  adminRole: 'OWNER',
};

/** Renders `ui` with mocked GraphQL responses, a router at `route`, toasts, and a signed-in admin (`viewer`). */
export function renderWithProviders(
  ui: ReactElement,
  {
    mocks = [],
    route = '/',
    path = '*',
    viewer = ownerViewer,
  }: { mocks?: MockLink.MockedResponse[]; route?: string; path?: string; viewer?: Viewer | null } = {},
) {
  const location: { current?: ReturnType<typeof useLocation> } = {};
  function LocationProbe() {
    location.current = useLocation();
    return null;
  }
  const result = render(
    <MockedProvider mocks={mocks}>
      <ViewerContext.Provider value={viewer}>
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
      </ViewerContext.Provider>
    </MockedProvider>,
  );
  return { ...result, location };
}

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApplyPriceCatalogDocument, PriceCatalogDiffDocument } from '../../__generated__/graphql';
import { renderWithProviders } from '../../test/render';
import { CatalogCheckDialog } from './CatalogCheckDialog';

const diff = {
  request: { query: PriceCatalogDiffDocument },
  result: {
    data: {
      priceCatalogDiff: [
        { __typename: 'PriceCatalogChange', model: 'gpt-4o', currentInputPerMillionUsd: '5', currentCachedInputPerMillionUsd: '2.5', currentOutputPerMillionUsd: '15', catalogInputPerMillionUsd: '2.5', catalogCachedInputPerMillionUsd: '1.25', catalogOutputPerMillionUsd: '10' },
        { __typename: 'PriceCatalogChange', model: 'gpt-4.1', currentInputPerMillionUsd: null, currentCachedInputPerMillionUsd: null, currentOutputPerMillionUsd: null, catalogInputPerMillionUsd: '2', catalogCachedInputPerMillionUsd: '0.5', catalogOutputPerMillionUsd: '8' },
      ],
    },
  },
};

describe('CatalogCheckDialog', () => {
  it('shows each change before anything is applied, then applies them from the chosen date', async () => {
    const at = new Date('2030-01-01T09:00');
    const applied = vi.fn(() => ({ data: { applyPriceCatalog: [{ __typename: 'Price', id: 'p1', model: 'gpt-4o' }, { __typename: 'Price', id: 'p2', model: 'gpt-4.1' }] } }));
    const onClose = vi.fn();
    renderWithProviders(<CatalogCheckDialog canChange onClose={onClose} />, {
      mocks: [diff, { request: { query: ApplyPriceCatalogDocument, variables: { effectiveFrom: at.toISOString() } }, result: applied }, diff],
    });
    expect(await screen.findByText('gpt-4o')).toBeTruthy();
    expect(screen.getByText('not priced yet')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    expect(await screen.findByText('Choose when the catalog prices start.')).toBeTruthy();
    expect(applied).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Effective from (your local time)'), '2030-01-01T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    await waitFor(() => expect(applied).toHaveBeenCalled());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('offers no Apply to a read-only admin', async () => {
    renderWithProviders(<CatalogCheckDialog canChange={false} onClose={() => undefined} />, { mocks: [diff] });
    expect(await screen.findByText('gpt-4o')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Apply/ })).toBeNull();
  });
});

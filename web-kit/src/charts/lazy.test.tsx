import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LazyStackedBarChart } from './lazy';

describe('lazy charts', () => {
  it('shows a placeholder, then the chart named for screen readers', async () => {
    render(
      <LazyStackedBarChart
        title="Daily cost by service"
        labels={['Nov 1', 'Nov 2']}
        series={[{ label: 'OpenAI', colour: '#0f766e', values: ['0.1', '0.2'] }]}
      />,
    );
    expect(screen.getByText('Loading chart…')).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'Daily cost by service' })).toBeTruthy();
  });
});

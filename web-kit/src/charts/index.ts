// Safe to import from the initial chunk: the components here load chart.js lazily.
export * from './chart-types';
export * from './lazy';

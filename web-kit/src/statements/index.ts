export * from './download-statement';
export * from './statement-types';
export * from './StatementsTable';

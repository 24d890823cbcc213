export * from './search-params';

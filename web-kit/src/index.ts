// The product rules both apps share. UI, Apollo, URL state and charts have their own entry
// points (@usage-monitor/web-kit/ui, /apollo, /url, /charts) so an app pulls in only what it uses.
export * from './levels';
export * from './money';
export * from './periods';
export * from './trend';
export * from './units';

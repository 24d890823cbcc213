export * from './endpoints';
export * from './graphql-errors';
export * from './session-client';
export * from './socket-status';
export * from './token-storage';

export * from './endpoints';
export * from './graphql-errors';
export * from './session-client';
export * from './session-cookie';
export * from './socket-status';

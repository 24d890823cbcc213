export * from './SessionsPanel';
export * from './user-agent';

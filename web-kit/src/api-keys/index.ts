export * from './ApiKeysPanel';
export * from './NewApiKeyDialog';

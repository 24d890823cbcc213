export * from './trend';

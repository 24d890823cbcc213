export * from './sources';
export * from './units';

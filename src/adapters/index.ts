export type * from './adapter.js';
export * from './errors.js';

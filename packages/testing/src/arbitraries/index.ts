export * from './common.js';
export * from './complaint.js';

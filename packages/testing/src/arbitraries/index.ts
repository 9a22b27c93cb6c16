export * from './common.js';
export * from './complaint.js';
export * from './sequences.js';
export * from './warranty.js';
export * from './contractReview.js';
export * from './configuration.js';
export * from './survey.js';
export * from './inquiry.js';

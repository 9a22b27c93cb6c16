/** Satisfaction surveys (rules S-1 … S-4). */
export * from './measures.js';
export * from './survey.js';

export { collectPageSample, DEFAULT_SAMPLE_CHARS, DEFAULT_SAMPLE_NODES } from './collect-page-sample';
export type { CollectOptions } from './collect-page-sample';
export { scorePage, UNREGISTERED_THRESHOLD } from './score-page';
export type { FieldSample, PageSample, PageScore } from './types';

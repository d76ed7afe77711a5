export { assessPage, sampleCryptoPage } from './assess-page';
export {
  collectPageSample,
  DEFAULT_SAMPLE_CHARS,
  DEFAULT_SAMPLE_NODES,
  NODES_AFTER_TEXT,
} from './collect-page-sample';
export type { CollectOptions } from './collect-page-sample';
export { glanceNamesCryptoAsset } from './glance-at-page';
export { readPageSample } from './read-sample';
export { scorePage, UNREGISTERED_THRESHOLD } from './score-page';
export type { FieldSample, PageSample, PageScore } from './types';

export { createLookalikeDetector } from './create-lookalike-detector';
export type { LookalikeBrand, LookalikeDetector, LookalikeMatch, LookalikeTechnique } from './types';

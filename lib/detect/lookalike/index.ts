export { createLookalikeDetector } from './create-lookalike-detector';
export type { LookalikeDetector, LookalikeMatch, LookalikeTechnique, ProtectedBrand } from './types';

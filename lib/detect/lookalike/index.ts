export { createLookalikeDetector } from './create-lookalike-detector';
export { protectedBrands } from './protected-brands';
export type { LookalikeDetector, LookalikeMatch, LookalikeTechnique, ProtectedBrand } from './types';

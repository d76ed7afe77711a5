// as: lib/fixture.ts
// expect: no-restricted-globals
export const use = () => document;

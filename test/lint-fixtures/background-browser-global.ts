// as: background/fixture.ts
// expect: no-restricted-globals
export const id = () => browser.runtime.id;

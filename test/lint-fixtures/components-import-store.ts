// as: components/fixture.ts
// expect: import-x/no-restricted-paths
import { RegistryStore } from '../lib/store/registry-store';

export const use = RegistryStore;

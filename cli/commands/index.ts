import type { Cli } from '../run-cli';
import { build, BUILD_USAGE } from './build';
import { diff, DIFF_USAGE } from './diff';
import { keygen, KEYGEN_USAGE } from './keygen';
import { publish, PUBLISH_USAGE } from './publish';
import { sign, SIGN_USAGE } from './sign';
import { verify, VERIFY_USAGE } from './verify';

export const REGISTRY_CLI: Cli = {
  commands: {
    keygen: { run: keygen, usage: KEYGEN_USAGE },
    build: { run: build, usage: BUILD_USAGE },
    sign: { run: sign, usage: SIGN_USAGE },
    verify: { run: verify, usage: VERIFY_USAGE },
    diff: { run: diff, usage: DIFF_USAGE },
    publish: { run: publish, usage: PUBLISH_USAGE },
  },
};

/** The publisher's tool: `npm run registry -- <verb>`. See docs/publishing.md. */
import { REGISTRY_CLI } from './commands';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), REGISTRY_CLI);

import { CliError } from './cli-error';
import type { Io } from './io';
import { processIo } from './io';

export interface Command {
  run(args: string[], io: Io): Promise<number>;
  usage: string;
}

export interface Cli {
  commands: Record<string, Command>;
}

function overview(cli: Cli): string {
  return [
    'Usage: npm run registry -- <verb> [options]',
    '',
    "The publisher's tool for the Qorgan registry.",
    '',
    '  keygen   make an Ed25519 signing key',
    '  build    build the next payload from CSV exports',
    '  sign     sign a payload into a DSSE envelope',
    '  verify   check an envelope as the extension does',
    '  diff     list entries added, removed and changed between two payloads',
    '  publish  build, sign with the key in the environment, write a static site folder',
    '',
    `Run "npm run registry -- <verb> --help" for a verb's options. Verbs: ${Object.keys(cli.commands).join(', ')}.`,
  ].join('\n');
}

/** Runs one verb and turns every failure into a message and an exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: string[], cli: Cli, io: Io = processIo()): Promise<number> {
  const [verb, ...args] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(overview(cli));
    return verb === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(cli.commands, verb) ? cli.commands[verb] : undefined;
  if (command === undefined) {
    io.err(`unknown verb "${verb}"\n`);
    io.err(overview(cli));
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`error: ${error.message}`);
      if (error.exitCode === 2) io.err(`\n${command.usage}`);
      return error.exitCode;
    }
    io.err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

/**
 * gjj — the administrator's command line over the same services as the app (`npm run gjj -- …`).
 * Exit codes: 0 success; 1 a business error or a failed check; 2 a usage error; 3 busy (the data folder or
 * its database is held by another writer: nothing was written, try again later).
 */
import { AppError, busyError } from '../shared/errors';
import { ZodError } from 'zod';
import { parseArgs, Opts, UsageError } from './args';
import { COMMANDS } from './commands';
import { POLICY_COMMANDS } from './policyCommands';
import { WITHDRAW_COMMANDS } from './withdrawCommands';
import { CALC_LOAN_COMMANDS } from './calcLoanCommands';
import { LOAN_COMMANDS } from './loanCommands';
import { INTEGRITY_COMMANDS } from './integrityCommands';
import { USER_COMMANDS } from './userCommands';
import { SERVE_COMMANDS } from './serveCommands';
import { SYNC_COMMANDS } from './syncCommands';
import { CENTER_COMMANDS } from './centerCommands';

const ALL = [...COMMANDS, ...USER_COMMANDS, ...POLICY_COMMANDS, ...WITHDRAW_COMMANDS, ...CALC_LOAN_COMMANDS, ...LOAN_COMMANDS, ...INTEGRITY_COMMANDS, ...SERVE_COMMANDS, ...SYNC_COMMANDS, ...CENTER_COMMANDS];

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  const [first, second] = parsed.positional;
  const entry = ALL.find((c) => c.name === `${first} ${second}`) ?? ALL.find((c) => c.name === first);
  if (!entry || (!first && parsed.options.has('help'))) {
    printHelp();
    return first ? 2 : 0;
  }
  const words = entry.name.split(' ').length;
  const opts = new Opts({ positional: parsed.positional.slice(words), options: parsed.options });
  if (opts.help) {
    console.log(`用法 / usage: gjj ${entry.usage}\n\n${entry.help}`);
    return 0;
  }
  try {
    return (await entry.run(opts, parsed.positional.slice(words))) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`用法错误：${err.message}\n用法 / usage: gjj ${entry.usage}`);
      return 2;
    }
    const appErr = err instanceof AppError ? err : busyError(err);
    if (appErr) {
      console.error(`错误（${appErr.code}${appErr.field ? `，${appErr.field}` : ''}）：${appErr.message}`);
      return appErr.code === 'BUSY' ? 3 : 1;
    }
    if (err instanceof ZodError) {
      console.error(`错误：${err.issues[0]?.message}`);
      return 1;
    }
    throw err;
  }
}

function printHelp(): void {
  console.log('gjj — 公积金柜台管理命令 / gjj-counter admin CLI\n');
  for (const c of ALL) console.log(`  gjj ${c.usage}\n      ${c.help.split('\n')[0]}`);
  console.log('\n每个命令都支持 --help。');
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

import type { Command } from 'commander';

/** `jiuzhu verify …`: partner data snapshots, verification requests, rescreen. */
export function registerVerify(program: Command): void {
  program.command('verify').description('economic status verification (家庭经济状况核对)');
}

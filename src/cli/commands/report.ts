import type { Command } from 'commander';

/** `jiuzhu report …`: the annual work report and statistical tables. */
export function registerReport(program: Command): void {
  program.command('report').description('statistics and the annual work report');
}

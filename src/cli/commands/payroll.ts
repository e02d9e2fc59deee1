import type { Command } from 'commander';

/** `jiuzhu payroll …`: monthly payroll runs, approval, bank files, returns. */
export function registerPayroll(program: Command): void {
  program.command('payroll').description('monthly payroll and disbursement (发放)');
}

import { Command } from 'commander';
import { AppError } from '../kernel/errors.ts';
import { registerBench } from './commands/bench.ts';
import { registerDb } from './commands/db.ts';
import { registerRegistry } from './commands/registry.ts';
import { registerCaseload } from './commands/caseload.ts';
import { registerServe } from './commands/serve.ts';
import { registerUsers } from './commands/users.ts';
import { registerVerify } from './commands/verify.ts';
import { registerPayroll } from './commands/payroll.ts';
import { registerMedical } from './commands/medical.ts';
import { registerDisaster } from './commands/disaster.ts';
import { registerHousingInsurance } from './commands/housing-insurance.ts';
import { registerReport } from './commands/report.ts';
import { registerCases } from './commands/cases.ts';
import { registerDci } from './commands/dci.ts';
import { registerOps } from './commands/ops.ts';

const program = new Command();
program.name('jiuzhu').description('Jiuzhu 救助 — social assistance information system').version('0.1.0');
registerServe(program);
registerDb(program);
registerUsers(program);
registerRegistry(program);
registerCaseload(program);
registerVerify(program);
registerPayroll(program);
registerMedical(program);
registerDisaster(program);
registerHousingInsurance(program);
registerReport(program);
registerCases(program);
registerDci(program);
registerOps(program);
registerBench(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof AppError) {
    const fields = e.details?.fields?.map((f) => `${f.field}: ${f.message}`).join('; ');
    console.error(`error (${e.code}): ${e.message}${fields && !e.message.includes(fields) ? ` — ${fields}` : ''}`);
    process.exit(2);
  }
  throw e;
}

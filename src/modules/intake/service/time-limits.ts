// Time limits of referrals (转办 / 分办): dated parameters per department and item type
// (`intake.time_limit.<department>.<need>`, else `intake.time_limit.<department>.default`, else the
// general `procedure.intake.referral_working_days`), counted in working days on the official calendar.
import { addWorkingDays, ParameterLookupError, type ParameterSet } from '../../../policy/index.ts';

export interface TimeLimit {
  parameter: string;
  workingDays: number;
  dueDate: string;
}

export function referralTimeLimit(params: ParameterSet, department: string, need: string, areaCode: string, referredOn: string): TimeLimit | null {
  for (const parameter of [`intake.time_limit.${department}.${need}`, `intake.time_limit.${department}.default`, 'procedure.intake.referral_working_days']) {
    try {
      const v = params.get(parameter, areaCode, referredOn);
      if (typeof v.value !== 'number') continue;
      return { parameter, workingDays: v.value, dueDate: addWorkingDays(referredOn, v.value) };
    } catch (e) {
      if (e instanceof ParameterLookupError) continue;
      throw e;
    }
  }
  return null;
}

import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { dibaoAssessmentParameters, type DibaoAssessmentParameters } from '../../policy/index.ts';

/** What the 应保尽保 counts read: the dibao formula's parameters in force today (the roll-up is "now"), resolved per county. */
export function currentAssessment(db: Database): Promise<DibaoAssessmentParameters> {
  return dibaoAssessmentParameters(db, todayInChina());
}

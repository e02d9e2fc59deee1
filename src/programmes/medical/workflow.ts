// 医疗救助 claim procedure (社会救助暂行办法 art. 30; 城乡医疗救助基金管理办法 art. 11–12): the township
// window accepts the claim with the hospital's bill, reviews it and — within its delegated amount —
// approves it, or submits it to the county, which decides. A refused claim is notified in writing. The
// amount (ratio, deductible, caps, 倾斜) and who may approve it are the benefit's; an episode already
// settled at the hospital (一站式) is never paid again. The two rule sets share this shape.
import type { RuleSet } from '../../policy/index.ts';
import { action, type WorkflowDefinition } from '../../workflow/definition.ts';
import { emptySchema, rejectSchema } from '../../workflow/schemas.ts';
import { COUNTY, TOWNSHIP, withdraw } from '../../workflow/steps.ts';
import { z } from 'zod';
import type { MedicalContext } from './context.ts';

const P = 'procedure.medical';
const noteSchema = z.strictObject({ note: z.string().max(1000).default('') });

function medical(ruleSet: RuleSet): WorkflowDefinition<MedicalContext> {
  return {
    programme: 'medical',
    ruleSet,
    label: '医疗救助', labelEn: 'Medical assistance',
    initial: 'accepted',
    states: {
      accepted: { label: '已受理', labelEn: 'Accepted', phase: 'pending', deadline: { parameter: `${P}.review_working_days` } },
      county_review: { label: '县级审批中', labelEn: 'County decision', phase: 'pending', deadline: { parameter: `${P}.county_decision_working_days` } },
      granted: { label: '已救助', labelEn: 'Assisted', phase: 'granted' },
      rejected: { label: '不予救助', labelEn: 'Refused', phase: 'terminal' },
      withdrawn: { label: '已撤回', labelEn: 'Withdrawn', phase: 'terminal' },
    },
    actions: {
      approve_township: action<typeof noteSchema, MedicalContext>({
        label: '乡镇审批（限额内）', labelEn: 'Township approval (within its amount)', from: ['accepted'], to: 'granted', roles: TOWNSHIP, schema: noteSchema,
        effect: { kind: 'decide', decision: 'approve' }, assign: () => ({ approval: 'township' }),
      }),
      submit_to_county: action({ label: '报县级审批', labelEn: 'Submit to county', from: ['accepted'], to: 'county_review', roles: TOWNSHIP, schema: emptySchema }),
      approve: action<typeof noteSchema, MedicalContext>({
        label: '县级审批', labelEn: 'County approval', from: ['county_review'], to: 'granted', roles: COUNTY, schema: noteSchema,
        effect: { kind: 'decide', decision: 'approve' }, assign: () => ({ approval: 'county' }),
      }),
      reject: action({ label: '不予救助', labelEn: 'Refused', from: ['accepted', 'county_review'], to: 'rejected', roles: [...TOWNSHIP, ...COUNTY], schema: rejectSchema, reasonRequired: true, effect: { kind: 'decide', decision: 'reject' }, inbox: 'never' }),
      withdraw: withdraw(['accepted', 'county_review']),
    },
  };
}

export const medicalCn2012 = medical('cn-2012');
export const medicalCn2021 = medical('cn-2021');

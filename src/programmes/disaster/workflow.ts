// 受灾人员救助: most households are decided by a county's batch (src/modules/disaster: draft list, spot
// check of at least the ratio, public notice where the kind needs one, approval), which opens each case
// already `granted` with one transition `batch_decide`. A household the batch missed (补报) is a single
// claim: the township accepts it with the claim, the county decides within the time limit. After relief
// given first and published afterwards (应急救助, 先救后公示) an objection is recorded on the case.
import type { RuleSet } from '../../policy/index.ts';
import { action, type WorkflowDefinition } from '../../workflow/definition.ts';
import { emptySchema, rejectSchema } from '../../workflow/schemas.ts';
import { COUNTY, recordObjection, withdraw } from '../../workflow/steps.ts';
import type { DisasterContext } from './context.ts';

const P = 'procedure.disaster';

function disaster(ruleSet: RuleSet): WorkflowDefinition<DisasterContext> {
  return {
    programme: 'disaster',
    ruleSet,
    label: '受灾人员救助', labelEn: 'Disaster relief',
    initial: 'accepted',
    spotCheckParameter: `${P}.spot_check_ratio`,
    states: {
      accepted: { label: '已受理（补报）', labelEn: 'Accepted (late claim)', phase: 'pending', deadline: { parameter: `${P}.decision_working_days` } },
      granted: { label: '已救助', labelEn: 'Assisted', phase: 'granted' },
      rejected: { label: '不予救助', labelEn: 'Refused', phase: 'terminal' },
      withdrawn: { label: '已撤回', labelEn: 'Withdrawn', phase: 'terminal' },
    },
    actions: {
      approve: action({
        label: '县级审批', labelEn: 'County approval', from: ['accepted'], to: 'granted', roles: COUNTY, schema: emptySchema,
        effect: { kind: 'decide', decision: 'approve' },
      }),
      reject: action({
        label: '不予救助', labelEn: 'Refused', from: ['accepted'], to: 'rejected', roles: COUNTY, schema: rejectSchema, reasonRequired: true,
        effect: { kind: 'decide', decision: 'reject' }, inbox: 'never',
      }),
      withdraw: withdraw(['accepted']),
      record_objection: recordObjection(['granted']),
    },
  };
}

export const disasterCn2012 = disaster('cn-2012');
export const disasterCn2021 = disaster('cn-2021');

// 临时救助 / 救急难 procedure (社会救助暂行办法 art. 47–49; 临时救助意见 2018 §2; 社会救助制度意见 2020 item 15):
// the window accepts the application, or the village or a department reports the case. 急难型 may be
// paid first (先行救助) by the township within its delegated amount (or by the county above it), the
// paperwork completed within N working days; otherwise the township verifies the situation (home visit)
// and — for 支出型 — the economic status (verification) and a public notice, then approves within its
// delegated amount or submits to the county, which decides; above the one-case-one-decision amount the
// county's coordination meeting decides (一事一议). The two rule sets share this shape.
import type { RuleSet } from '../../policy/index.ts';
import { noticeEnded, refuse, verificationPassed } from '../../workflow/conditions.ts';
import { action, type Precondition, type WorkflowDefinition } from '../../workflow/definition.ts';
import { emptySchema, homeVisitSchema, rejectSchema, townshipReviewSchema } from '../../workflow/schemas.ts';
import { COUNTY, homeVisit, TOWNSHIP, verify, withdraw } from '../../workflow/steps.ts';
import { homeVisitStaff } from '../../workflow/conditions.ts';
import { collectiveDecisionSchema, type TemporaryContext } from './context.ts';
import { z } from 'zod';
import type { ActionDefinition } from '../../workflow/definition.ts';

/** A shared step with one more guard in front. */
const withPrecondition = (a: ActionDefinition, guard: Precondition<TemporaryContext>): ActionDefinition<z.ZodType, TemporaryContext> => ({ ...a, preconditions: [guard, ...(a.preconditions ?? [])] });

const P = 'procedure.temporary';

const kindIs = (kind: 'emergency' | 'expenditure'): Precondition<TemporaryContext> => ({ facts }) =>
  facts.context.claim?.kind === kind ? null
    : refuse('claim_kind', kind === 'emergency' ? '仅急难型临时救助可不经公示直接审批' : '支出型临时救助须核对家庭经济状况并公示');

const urgentOnly: Precondition<TemporaryContext> = ({ facts }) =>
  facts.context.claim?.urgent ? null : refuse('not_urgent', '受理时未登记为先行救助（急难型、情况紧急）的案件，须入户核实后审批');

const grantSchema = z.strictObject({ note: z.string().max(1000).default('') });
const countyApproveSchema = z.strictObject({ note: z.string().max(1000).default(''), collectiveDecision: collectiveDecisionSchema.optional() });

/** Who decided: the level of the role that took the step (the benefit checks the amount against it). */
const approvedBy = (level: 'township' | 'county') => (): Partial<TemporaryContext> => ({ approval: level });

/** From the home visit only for 急难型; from the notice once it has ended and the verification passed (支出型). */
const readyToDecide: Precondition<TemporaryContext> = (ctx) =>
  ctx.facts.state === 'visited' ? kindIs('emergency')(ctx) : (noticeEnded(ctx) ?? verificationPassed(ctx));

function temporary(ruleSet: RuleSet): WorkflowDefinition<TemporaryContext> {
  return {
    programme: 'temporary',
    ruleSet,
    label: '临时救助', labelEn: 'Temporary assistance',
    initial: 'accepted',
    states: {
      accepted: { label: '已受理', labelEn: 'Accepted', phase: 'pending', deadline: { parameter: `${P}.investigation_working_days` } },
      visited: { label: '已入户核实', labelEn: 'Situation verified at home', phase: 'pending', deadline: 'keep' },
      verified: { label: '已核对', labelEn: 'Verified', phase: 'pending', deadline: 'keep' },
      notice: { label: '乡镇公示中', labelEn: 'Township public notice', phase: 'pending', deadline: { parameter: `${P}.notice_days` } },
      county_review: { label: '县级审批中', labelEn: 'County decision', phase: 'pending', deadline: { parameter: `${P}.county_decision_working_days` } },
      granted_first: { label: '已先行救助（待补齐手续）', labelEn: 'Paid first (paperwork due)', phase: 'granted', deadline: { parameter: `${P}.emergency_backfill_working_days` } },
      granted: { label: '已救助', labelEn: 'Assisted', phase: 'granted' },
      rejected: { label: '不予救助', labelEn: 'Refused', phase: 'terminal' },
      withdrawn: { label: '已撤回', labelEn: 'Withdrawn', phase: 'terminal' },
    },
    actions: {
      grant_first: action<typeof grantSchema, TemporaryContext>({
        label: '先行救助', labelEn: 'Pay first (urgent)', from: ['accepted'], to: 'granted_first', roles: [...TOWNSHIP, ...COUNTY], schema: grantSchema, preconditions: [urgentOnly],
        effect: { kind: 'decide', decision: 'approve' }, assign: (_d, step) => ({ approval: step.role === 'township_caseworker' ? 'township' : 'county' }),
      }),
      complete_paperwork: action({ label: '补齐手续（入户核实）', labelEn: 'Complete the paperwork (home visit)', from: ['granted_first'], to: 'granted', roles: TOWNSHIP, schema: homeVisitSchema, checks: [homeVisitStaff], assign: (_d, step) => ({ homeVisit: { seq: step.seq, on: step.on } }) }),
      home_visit: homeVisit('accepted', 'visited'),
      verify_economic_status: withPrecondition(verify('visited', 'verified'), kindIs('expenditure')),
      township_review: action({ label: '乡镇审核并公示', labelEn: 'Township review and notice', from: ['verified'], to: 'notice', roles: TOWNSHIP, schema: townshipReviewSchema, effect: { kind: 'notice' } }),
      approve_township: action<typeof grantSchema, TemporaryContext>({
        label: '乡镇审批（限额内）', labelEn: 'Township approval (within its amount)', from: ['visited', 'notice'], to: 'granted', roles: TOWNSHIP, schema: grantSchema,
        preconditions: [readyToDecide], effect: { kind: 'decide', decision: 'approve' }, assign: approvedBy('township'),
      }),
      submit_to_county: action<typeof emptySchema, TemporaryContext>({
        label: '报县级审批', labelEn: 'Submit to county', from: ['visited', 'notice'], to: 'county_review', roles: TOWNSHIP, schema: emptySchema,
        preconditions: [readyToDecide],
      }),
      approve: action<typeof countyApproveSchema, TemporaryContext>({
        label: '县级审批', labelEn: 'County approval', from: ['county_review'], to: 'granted', roles: COUNTY, schema: countyApproveSchema,
        effect: { kind: 'decide', decision: 'approve' },
        assign: (d) => ({ approval: 'county', ...(d.collectiveDecision ? { collectiveDecision: d.collectiveDecision } : {}) }),
      }),
      reject: action({ label: '不予救助', labelEn: 'Refused', from: ['accepted', 'visited', 'verified', 'notice', 'county_review'], to: 'rejected', roles: [...TOWNSHIP, ...COUNTY], schema: rejectSchema, reasonRequired: true, effect: { kind: 'decide', decision: 'reject' }, inbox: 'never' }),
      withdraw: withdraw(['accepted', 'visited', 'verified', 'notice']),
    },
  };
}

export const temporaryCn2012 = temporary('cn-2012');
export const temporaryCn2021 = temporary('cn-2021');

// Code lists of the intake and complaint pages (typed against the API's codes) and their names.
import { DEPARTMENTS, type Department } from '../../api/types.ts';
import type { Programmes } from '../../api/useProgrammes.ts';
import type { Translate } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { NEEDS } from '../../../../src/modules/intake/contract.ts';
import type {
  Channel, ComplaintCategory, ComplaintChannel, ComplaintStatus, Conclusion, ExpenseKind, FeedbackChannel, Need, Outcome, WorkCapacity,
} from './api.ts';
import { intakeCodesZhCN } from './messages/codes.zh-CN.ts';

/** Every code of a union, in the order of this record (a missing code is a type error). */
const codes = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];

/**
 * What a partner department handles: the server's needs but the programmes the window opens as cases
 * (none until the registry is read, so that no need is offered under its code).
 */
export function referralNeeds(programmes: Programmes): Need[] {
  return programmes.loaded ? NEEDS.filter((n) => !programmes.find(n)?.intake) : [];
}
export const CHANNELS = codes<Channel>({ window: true, phone: true, online: true, village: true });
export const WORK_CAPACITIES = codes<WorkCapacity>({ full: true, partial: true, none: true });
export const EXPENSE_KINDS = codes<ExpenseKind>({ medical: true, education: true, housing: true, care: true, other: true });
export const OUTCOMES = codes<Outcome>({ assisted: true, partially_assisted: true, not_eligible: true, declined: true });
export const COMPLAINT_CHANNELS = codes<ComplaintChannel>({ hotline_12349: true, window: true, online: true });
export const COMPLAINT_CATEGORIES = codes<ComplaintCategory>({ favouritism: true, fraud: true, eligibility: true, misconduct: true, other: true });
export const COMPLAINT_STATUSES = codes<ComplaintStatus>({ received: true, assigned: true, concluded: true, closed: true });
export const CONCLUSIONS = codes<Conclusion>({ substantiated: true, partly_substantiated: true, unsubstantiated: true });
export const FEEDBACK_CHANNELS = codes<FeedbackChannel>({ phone: true, letter: true, visit: true, sms: true, online: true });
export { DEPARTMENTS };

type Prefix =
  | 'intake.need' | 'intake.channel' | 'intake.workCapacity' | 'intake.expense' | 'intake.outcome' | 'intake.partStatus' | 'intake.event'
  | 'complaint.channel' | 'complaint.subject' | 'complaint.category' | 'complaint.status' | 'complaint.conclusion' | 'complaint.feedbackChannel';

function isCodeKey(key: string): key is keyof typeof intakeCodesZhCN & MessageKey {
  return Object.prototype.hasOwnProperty.call(intakeCodesZhCN, key);
}

/** The name of a code; the API's own (Chinese) label or the code itself when the dictionary lacks it. */
export function codeLabel(t: Translate, prefix: Prefix, code: string | null | undefined, fallback?: string | null): string {
  if (code === null || code === undefined || code === '') return t('intake.dash');
  const key = `${prefix}.${code}`;
  return isCodeKey(key) ? t(key) : (fallback ?? code);
}

/** A part's need: the programme's name for a programme of the registry, else the need's own (the API's label as fallback). */
export function needLabel(t: Translate, programmes: Programmes, need: string, fallback?: string | null): string {
  return programmes.find(need) ? programmes.name(need) : codeLabel(t, 'intake.need', need, fallback);
}

const DEPT_KEYS: Record<Department, MessageKey> = {
  education: 'dept.education', housing: 'dept.housing', human_resources: 'dept.human_resources', medical_security: 'dept.medical_security',
  disability_federation: 'dept.disability_federation', emergency_management: 'dept.emergency_management', health: 'dept.health',
  public_security: 'dept.public_security', natural_resources: 'dept.natural_resources', tax: 'dept.tax',
};

/** A partner department's name; a case part's department is civil affairs. */
export function deptLabel(t: Translate, dept: string | null | undefined): string {
  if (!dept) return t('intake.dash');
  if (dept === 'civil_affairs') return t('intake.dept.civil_affairs');
  return (DEPARTMENTS as readonly string[]).includes(dept) ? t(DEPT_KEYS[dept as Department]) : dept;
}

// Money is integer fen in the API and yuan (2 decimals) on screen and in forms.
const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatYuan = (fen: number): string => yuanFormat.format(fen / 100);
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

export { todayInChina } from '../../components/today.ts';

import { auditZhCN } from './messages.ts';
import { auditEn } from './messages.en.ts';

type AuditKey = keyof typeof auditZhCN;
const isKey = (key: string): key is AuditKey => key in auditZhCN;
const dictionary = (locale: string) => (locale === 'en' ? auditEn : auditZhCN);

/** The words of a code (`registry.member_add` → registry, member, add) in the user's language; null if one is unknown. */
function words(locale: string, code: string): string[] | null {
  const out: string[] = [];
  for (const w of code.split(/[._]/)) {
    const key = `audit.word.${w}`;
    if (!isKey(key)) return null;
    const word = dictionary(locale)[key];
    if (word !== '' && out[out.length - 1] !== word) out.push(word);
  }
  return out;
}

const actionOf = (locale: string, module: string, rest: string) => dictionary(locale)['audit.actionOf'].replace('{module}', module).replace('{rest}', rest);

/**
 * An audit action by name: its module, then what was done (`registry.member.add` → 家庭：成员新增). A case's step
 * (`case.home_visit`) by the workflow's own label when `caseStep` knows it (案件：入户调查; '' when it does not).
 */
export function auditActionLabel(action: string, locale: string, caseStep?: (code: string) => string): string {
  const [module = '', ...rest] = action.split('.');
  const step = module === 'case' && rest.length === 1 && caseStep ? caseStep(rest[0] ?? '') : '';
  if (step !== '') return actionOf(locale, dictionary(locale)['audit.word.case'], step);
  const head = words(locale, module);
  const tail = words(locale, rest.join('.'));
  if (!head || !tail) return dictionary(locale)['audit.other'];
  const sep = locale === 'en' ? ' ' : '';
  return tail.length === 0 ? head.join(sep) : actionOf(locale, head.join(sep), tail.join(sep));
}

/** The kind of record an audit entry is about (`registry_demo` → 家庭演示数据). */
export function auditEntityLabel(entity: string, locale: string): string {
  const w = words(locale, entity);
  return w ? w.join(locale === 'en' ? ' ' : '') : dictionary(locale)['audit.otherEntity'];
}

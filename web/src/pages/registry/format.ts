// Readable labels of registry codes and values, through i18n.
import type { Translate } from '../../i18n/context.ts';
import {
  ASSET_KINDS, DISABILITY_KINDS, HUKOU_VALUES, INCOME_KINDS, INCOME_PERIODS, LEFT_BEHIND_KINDS, POVERTY_CAUSES, RELATIONS,
  SEARCH_CATEGORIES, SEXES, WORK_CAPACITIES, isOneOf,
} from './codes.ts';

/** Any category code (person, household, search-only) as its label; unknown codes as given. */
export function categoryLabel(t: Translate, code: string): string {
  return isOneOf(SEARCH_CATEGORIES, code) ? t(`registry.category.${code}`) : code;
}

export function hukouLabel(t: Translate, code: unknown): string {
  return isOneOf(HUKOU_VALUES, code) ? t(`registry.hukou.${code}`) : String(code ?? '');
}

export function disabilityLabel(t: Translate, kind: unknown, grade: unknown): string {
  if (!isOneOf(DISABILITY_KINDS, kind)) return '—';
  return typeof grade === 'number' ? `${t(`registry.disability.${kind}`)} ${t('registry.grade', { grade })}` : t(`registry.disability.${kind}`);
}

export function yesNo(t: Translate, value: boolean): string {
  return t(value ? 'registry.bool.yes' : 'registry.bool.no');
}

/** Completed years of age on `today` (ISO dates). */
export function ageOn(birthDate: string, today: string = new Date().toISOString().slice(0, 10)): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The label of a code-valued field (relation, hukou, …), or undefined when the field is not coded. */
export function codeLabel(t: Translate, field: string, value: unknown): string | undefined {
  switch (field) {
    case 'relation':
      return isOneOf(RELATIONS, value) ? t(`registry.relation.${value}`) : undefined;
    case 'hukou':
      return isOneOf(HUKOU_VALUES, value) ? t(`registry.hukou.${value}`) : undefined;
    case 'sex':
      return isOneOf(SEXES, value) ? t(`registry.sex.${value}`) : undefined;
    case 'workCapacity':
      return isOneOf(WORK_CAPACITIES, value) ? t(`registry.work.${value}`) : undefined;
    case 'disabilityKind':
      return isOneOf(DISABILITY_KINDS, value) ? t(`registry.disability.${value}`) : undefined;
    case 'disabilityGrade':
      return typeof value === 'number' ? t('registry.grade', { grade: value }) : undefined;
    case 'povertyCauses':
    case 'mainPovertyCause':
      return isOneOf(POVERTY_CAUSES, value) ? t(`registry.cause.${value}`) : undefined;
    case 'leftBehind':
      return isOneOf(LEFT_BEHIND_KINDS, value) ? t(`registry.leftBehind.${value}`) : undefined;
    case 'period':
      return isOneOf(INCOME_PERIODS, value) ? t(`registry.period.${value}`) : undefined;
    case 'kind':
      if (isOneOf(INCOME_KINDS, value)) return t(`registry.incomeKind.${value}`);
      return isOneOf(ASSET_KINDS, value) ? t(`registry.assetKind.${value}`) : undefined;
    default:
      return undefined;
  }
}

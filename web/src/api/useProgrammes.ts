import { useEffect, useMemo, useState } from 'react';
import { useLocale, type Locale } from '../i18n/context.ts';
import { loadedProgrammes, loadProgrammes, type ProgrammeItem, type ProgrammeList } from './programmes.ts';

/** The registry's programmes with their names and labels in the page's language. */
export interface Programmes {
  /** False until the list has been read (lists and forms then show nothing to choose yet). */
  loaded: boolean;
  error: Error | null;
  items: readonly ProgrammeItem[];
  find(code: string): ProgrammeItem | undefined;
  /** The programme of a case number (by its serial prefix). */
  ofCaseNo(caseNo: string): ProgrammeItem | undefined;
  /** 最低生活保障; `fallback` (the API's own label) or the code for a programme the list does not know. */
  name(code: string, fallback?: string): string;
  /** 低保 */
  short(code: string, fallback?: string): string;
  /** A state's label (the workflow's own words); any programme's state of that code when the programme is not given. */
  state(programme: string | undefined, state: string, fallback?: string): string;
  action(programme: string | undefined, action: string, fallback?: string): string;
  phase(phase: string): string;
  /** Case numbers of every programme; null until loaded. */
  caseNoPattern: RegExp | null;
}

export function catalogue(list: ProgrammeList | undefined, locale: Locale, error: Error | null = null): Programmes {
  const items = list?.items ?? [];
  const labelOf = (l: { label: string; labelEn: string } | undefined) => (l === undefined ? undefined : locale === 'en' ? l.labelEn : l.label);
  const byCode = new Map(items.map((p) => [p.code, p]));
  const scope = (programme: string | undefined) => {
    const own = programme === undefined ? undefined : byCode.get(programme);
    return own ? [own, ...items] : items;
  };
  return {
    loaded: list !== undefined,
    error,
    items,
    find: (code) => byCode.get(code),
    ofCaseNo: (caseNo) => items.find((p) => caseNo.startsWith(p.serialPrefix)),
    name: (code, fallback) => byCode.get(code)?.labels[locale].name ?? fallback ?? code,
    short: (code, fallback) => byCode.get(code)?.labels[locale].short ?? fallback ?? code,
    state: (programme, state, fallback) => labelOf(scope(programme).flatMap((p) => p.states).find((s) => s.code === state)) ?? fallback ?? state,
    action: (programme, action, fallback) => labelOf(scope(programme).flatMap((p) => p.actions).find((a) => a.code === action)) ?? fallback ?? action,
    phase: (phase) => {
      const p = list?.phases.find((x) => x.code === phase);
      return p ? (locale === 'en' ? p.labelEn : p.label) : phase;
    },
    caseNoPattern: list ? new RegExp(list.caseNoPattern) : null,
  };
}

/** The programmes of the registry (one GET /programmes per page load, shared by every page). */
export function useProgrammes(): Programmes {
  const [list, setList] = useState<ProgrammeList | undefined>(loadedProgrammes);
  const [error, setError] = useState<Error | null>(null);
  const [locale] = useLocale();
  useEffect(() => {
    if (list) return;
    let live = true;
    loadProgrammes().then(
      (l) => live && setList(l),
      (err: unknown) => live && setError(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [list]);
  return useMemo(() => catalogue(list, locale, error), [list, locale, error]);
}

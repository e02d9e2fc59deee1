import type { ReactNode } from 'react';
import type { Action } from '../../../../src/kernel/permissions.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { HouseholdDetail } from './api.ts';
import { ItemsTab } from './ItemsTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';
import { VisitsTab } from './VisitsTab.tsx';
import { Explanation } from '../policy/Explanation.tsx';
import { PaymentHistoryTab } from '../payroll/PaymentHistoryTab.tsx';
import { HouseholdCasesTab } from '../cases/HouseholdCasesTab.tsx';
import { HouseholdAssistanceTab } from '../wishes/HouseholdAssistanceTab.tsx';

/** What the household page asks of its forms; masked data is first shown in full (audited). */
export type EditRequest =
  | { kind: 'household' }
  | { kind: 'member'; index?: number }
  | { kind: 'removeMember'; index: number }
  | { kind: 'incomes' }
  | { kind: 'assets' };

/** Everything a tab of the household page may use. */
export interface HouseholdTabContext {
  householdNo: string;
  detail: HouseholdDetail;
  /** true once the user chose 查看明文 (the API recorded it). */
  unmasked: boolean;
  /** Changes after every save, for tabs that load their own data. */
  version: number;
  /** null for roles without registry.write. */
  requestEdit: ((request: EditRequest) => void) | null;
}

export interface HouseholdTab {
  key: string;
  label: MessageKey;
  render: (ctx: HouseholdTabContext) => ReactNode;
  /** Shown only to users with this permission (the tab is hidden, not empty, for the rest). */
  permission?: Action;
}

/** The tabs of the household page, in order; add a tab by adding an entry here. */
export const HOUSEHOLD_TABS: HouseholdTab[] = [
  { key: 'members', label: 'registry.tab.members', render: (ctx) => <MembersTab ctx={ctx} /> },
  { key: 'incomes', label: 'registry.tab.incomes', render: (ctx) => <ItemsTab ctx={ctx} list="incomes" /> },
  { key: 'assets', label: 'registry.tab.assets', render: (ctx) => <ItemsTab ctx={ctx} list="assets" /> },
  { key: 'timeline', label: 'registry.tab.timeline', render: (ctx) => <TimelineTab ctx={ctx} /> },
  { key: 'visits', label: 'registry.tab.visits', render: (ctx) => <VisitsTab ctx={ctx} /> },
  { key: 'cases', label: 'cases.household.tab', render: (ctx) => <HouseholdCasesTab householdNo={ctx.householdNo} version={ctx.version} /> },
  { key: 'explanation', label: 'policy.tab.explanation', render: (ctx) => <Explanation householdNo={ctx.householdNo} /> },
  { key: 'payments', label: 'payroll.history.tab', render: (ctx) => <PaymentHistoryTab householdNo={ctx.householdNo} /> },
  { key: 'assistance', label: 'wishes.household.tab', permission: 'wishes.read', render: (ctx) => <HouseholdAssistanceTab householdNo={ctx.householdNo} version={ctx.version} /> },
];

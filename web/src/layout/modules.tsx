import {
  AccountBookOutlined,
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  MedicineBoxOutlined,
  AlertOutlined,
  ShopOutlined,
  SolutionOutlined,
  GiftOutlined,
  CloudOutlined,
  CloudDownloadOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  BarChartOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HeartOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  ReadOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/types.ts';
import type { UiAction } from '../auth/permissions.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';

export interface ModuleEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** false: the route shows the shared "coming soon" page. */
  built: boolean;
  /** Shown only to roles granted this action. */
  requires?: UiAction;
  /** Shown only to these roles (besides `requires`). */
  roles?: readonly Role[];
}

/** Who collects in the villages (离线采集). */
export const OFFLINE_ROLES: readonly Role[] = ['village_clerk', 'township_caseworker'];

/** The side menu, in the order users meet the work. */
export const MODULES: readonly ModuleEntry[] = [
  { path: '/', label: 'menu.dashboard', icon: <HomeOutlined />, built: true },
  { path: '/households', label: 'menu.registry', icon: <TeamOutlined />, built: true, requires: 'registry.read' },
  { path: '/offline', label: 'menu.offline', icon: <CloudDownloadOutlined />, built: true, requires: 'registry.write', roles: OFFLINE_ROLES },
  { path: '/cases', label: 'menu.cases', icon: <FileTextOutlined />, built: true, requires: 'cases.read' },
  { path: '/cases/import', label: 'menu.caseload', icon: <ImportOutlined />, built: true, requires: 'caseload.import' },
  { path: '/cases/rerate', label: 'menu.rerate', icon: <FileTextOutlined />, built: true, requires: 'cases.rerate' },
  { path: '/intake', label: 'menu.intake', icon: <InboxOutlined />, built: true, requires: 'intake.referrals' },
  { path: '/verification', label: 'menu.verification', icon: <FileSearchOutlined />, built: true, requires: 'verification.read' },
  { path: '/payroll', label: 'menu.payroll', icon: <AccountBookOutlined />, built: true, requires: 'payroll.read' },
  { path: '/medical', label: 'menu.medical', icon: <MedicineBoxOutlined />, built: true, requires: 'medical.read' },
  { path: '/disaster', label: 'menu.disaster', icon: <AlertOutlined />, built: true, requires: 'disaster.read' },
  { path: '/disaster/batches', label: 'menu.disasterBatches', icon: <ScheduleOutlined />, built: true, requires: 'disaster.read' },
  { path: '/disaster/winter', label: 'menu.disasterWinter', icon: <CloudOutlined />, built: true, requires: 'disaster.read' },
  { path: '/disaster/insurance', label: 'menu.housingInsurance', icon: <SafetyOutlined />, built: true, requires: 'insurance.read' },
  { path: '/institutions', label: 'menu.institutions', icon: <BankOutlined />, built: true, requires: 'institutions.read' },
  { path: '/placements', label: 'menu.placements', icon: <HomeOutlined />, built: true, requires: 'placements.read' },
  { path: '/relief-station', label: 'menu.reliefStation', icon: <ShopOutlined />, built: true, requires: 'relief_station.read' },
  { path: '/volunteers', label: 'menu.volunteers', icon: <HeartOutlined />, built: true, requires: 'volunteers.read' },
  { path: '/wishes', label: 'menu.wishes', icon: <GiftOutlined />, built: true, requires: 'wishes.read' },
  { path: '/outreach', label: 'menu.outreach', icon: <AimOutlined />, built: true, requires: 'outreach.read' },
  { path: '/left-behind', label: 'menu.leftBehind', icon: <HeartOutlined />, built: true, requires: 'left_behind.read' },
  { path: '/purchased-services', label: 'menu.purchasedServices', icon: <SolutionOutlined />, built: true, requires: 'purchased_services.read' },
  { path: '/funds', label: 'menu.funds', icon: <AccountBookOutlined />, built: true, requires: 'funds.read' },
  { path: '/policy', label: 'menu.policy', icon: <ReadOutlined />, built: true },
  { path: '/stats', label: 'menu.stats', icon: <BarChartOutlined />, built: true, requires: 'stats.read' },
  { path: '/areas', label: 'menu.areas', icon: <ApartmentOutlined />, built: true },
  { path: '/users', label: 'menu.users', icon: <UserOutlined />, built: true, requires: 'users.read' },
  { path: '/dci', label: 'menu.dci', icon: <ApiOutlined />, built: true, requires: 'dci.read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, built: true, requires: 'audit.read' },
];

/** The menu entry a location belongs to (longest matching prefix). */
export function moduleOf(pathname: string): ModuleEntry | undefined {
  return [...MODULES]
    .filter((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

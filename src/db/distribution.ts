/**
 * Where every table would live on a Citus cluster (docs/scale-out.md), checked against the catalogue by
 * distribution.test.ts: a table missing here fails that check by name.
 *
 * - distributed: holds a county's households or their records; hash-distributed on `county_code` and
 *   co-located, so its primary key, unique keys and foreign keys to other distributed tables include it.
 * - reference: small or national, replicated to every node (areas, parameters, programmes, users, the
 *   registers of institutions and organisations, partner data, the person identity table).
 * - local: stays on the coordinator (sessions, throttling, the audit chain, job bookkeeping, staging,
 *   the statistics roll-up, the SPDCI and portal sign-in tables).
 */
export type TableClass = 'distributed' | 'reference' | 'local';

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = 'county_code';

/**
 * National uniqueness lives in identity tables keyed by the ID number, written in the same transaction as
 * the registration: one person, in one household, in the whole country. Each names its key column.
 */
export const IDENTITY_TABLES: Readonly<Record<string, string>> = { person_index: 'id_number' };

export const TABLE_CLASSES: Readonly<Record<string, TableClass>> = {
  // platform
  areas: 'reference',
  users: 'reference',
  sessions: 'local',
  login_attempts: 'local',
  login_throttle: 'local',
  audit_log: 'local',
  audit_chain_heads: 'local',
  schema_migrations: 'local',
  job_runs: 'local',
  serial_counters: 'distributed',
  // registry
  households: 'distributed',
  members: 'distributed',
  person_index: 'reference',
  income_items: 'distributed',
  assets: 'distributed',
  registry_history: 'distributed',
  household_visits: 'distributed',
  household_visit_files: 'distributed',
  registry_import_reports: 'local',
  registry_demo_loads: 'local',
  registry_stage_households: 'local',
  registry_stage_members: 'local',
  registry_stage_income_items: 'local',
  registry_stage_assets: 'local',
  // policy and programmes
  policy_parameters: 'reference',
  policy_values: 'reference',
  policy_file_stamp: 'reference',
  programmes: 'reference',
  // cases
  cases: 'distributed',
  case_transitions: 'distributed',
  case_decisions: 'distributed',
  case_batches: 'distributed',
  case_batch_members: 'distributed',
  entitlements: 'distributed',
  rerate_batches: 'distributed',
  rerate_items: 'distributed',
  caseload_stage: 'local',
  outreach_tasks: 'distributed',
  // intake and oversight
  intake_requests: 'distributed',
  intake_parts: 'distributed',
  intake_part_events: 'distributed',
  intake_request_documents: 'distributed',
  complaints: 'distributed',
  complaint_feedback: 'distributed',
  fraud_recoveries: 'distributed',
  // verification: partner data covers the prefecture, requests and findings are a county's
  verification_snapshots: 'reference',
  verification_records: 'reference',
  verification_rescreens: 'reference',
  verification_authorizations: 'distributed',
  verification_requests: 'distributed',
  verification_findings: 'distributed',
  verification_rescreen_counties: 'distributed',
  // payroll
  payrolls: 'distributed',
  payroll_chunks: 'distributed',
  payroll_lines: 'distributed',
  payroll_totals: 'distributed',
  payroll_receivables: 'distributed',
  payroll_returns: 'distributed',
  payroll_reissues: 'distributed',
  payroll_ledger: 'distributed',
  payroll_entitlement_payments: 'distributed',
  // statistics: a roll-up read by dashboards, small, refreshed from the distributed tables
  stats_dirty: 'local',
  stats_rollup: 'local',
  stats_rollup_state: 'local',
  stats_rollup_version: 'local',
  // funds
  reduction_plans: 'distributed',
  reduction_plan_targets: 'distributed',
  fund_budgets: 'distributed',
  fund_transfers: 'distributed',
  // medical
  medical_subsidy_lists: 'distributed',
  medical_subsidy_entries: 'distributed',
  medical_settlement_imports: 'distributed',
  medical_episodes: 'distributed',
  medical_stage_episodes: 'local',
  // disaster and housing insurance
  disaster_events: 'distributed',
  disaster_event_areas: 'distributed',
  disaster_reports: 'distributed',
  disaster_damage_entries: 'distributed',
  disaster_goods_issues: 'distributed',
  disaster_winter_needs: 'distributed',
  disaster_batches: 'distributed',
  disaster_batch_members: 'distributed',
  housing_insurance_policies: 'distributed',
  housing_insurance_sums: 'distributed',
  housing_insurance_insured: 'distributed',
  housing_insurance_claims: 'distributed',
  // institutions: a register of a few hundred homes, referred to across counties (relief-station referrals)
  institutions: 'reference',
  institution_ratings: 'reference',
  institution_projects: 'reference',
  institution_placements: 'distributed',
  relief_station_records: 'distributed',
  relief_station_services: 'distributed',
  relief_station_family_searches: 'distributed',
  relief_station_returns: 'distributed',
  // social forces: organisations are national legal persons (credit code), the rest a county's
  social_organisations: 'reference',
  volunteer_teams: 'distributed',
  volunteers: 'distributed',
  volunteer_team_members: 'distributed',
  volunteer_service_records: 'distributed',
  wish_campaigns: 'reference',
  wishes: 'distributed',
  charity_donations: 'distributed',
  left_behind_surveys: 'distributed',
  left_behind_care_plans: 'distributed',
  left_behind_visits: 'distributed',
  left_behind_follow_ups: 'distributed',
  purchase_contracts: 'distributed',
  assistance_assistants: 'distributed',
  purchase_tasks: 'distributed',
  purchase_evaluations: 'distributed',
  // citizen portal: sign-in is by ID number before any county is known; applications are a county's
  portal_codes: 'local',
  portal_code_requests: 'local',
  portal_sessions: 'local',
  portal_oidc_logins: 'local',
  portal_applications: 'distributed',
  // SPDCI API
  dci_clients: 'local',
  dci_keys: 'local',
  dci_transactions: 'local',
  dci_outbox: 'local',
  dci_subscriptions: 'local',
  dci_inbox: 'local',
};

/** The tables of one class, sorted. */
export function tablesOf(cls: TableClass, classes: Readonly<Record<string, TableClass>> = TABLE_CLASSES): string[] {
  return Object.entries(classes).filter(([, c]) => c === cls).map(([t]) => t).sort();
}

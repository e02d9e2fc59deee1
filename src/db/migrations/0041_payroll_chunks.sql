-- Payroll runs write a county (or, on request, a township) per chunk: the chunk row names its area.
-- Lines are keyed within their payroll, which serves paging too; the per-row foreign key to payrolls
-- goes (lines are written only by the chunk statement, which reads its payroll under the period lock,
-- and deleted only with their draft).
alter table payroll_chunks rename column township_code to area_code;

alter table payroll_returns drop constraint payroll_returns_county_code_line_id_fkey;
alter table payroll_reissues drop constraint payroll_reissues_county_code_source_line_id_fkey;
alter table payroll_lines drop constraint payroll_lines_county_code_payroll_id_fkey;
alter table payroll_lines drop constraint payroll_lines_pkey;
drop index payroll_lines_payroll_idx;
alter table payroll_lines add primary key (county_code, payroll_id, id);
alter table payroll_returns add foreign key (county_code, payroll_id, line_id) references payroll_lines (county_code, payroll_id, id);
-- a reissue names the payroll of its failed line (the lines' key)
alter table payroll_reissues add column source_payroll_id bigint not null;
-- how the payroll is chunked, fixed when it is claimed (a resumed run writes the same chunks)
alter table payrolls add column chunk_by text not null default 'county' check (chunk_by in ('county', 'township'));
-- a household's payments are found through its recipients (the household, its members) on the line key
drop index payroll_lines_household_idx;

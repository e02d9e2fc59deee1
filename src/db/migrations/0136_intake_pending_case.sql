-- A programme asked before the household is registered (待登记立案): an intake part of kind `pending_case`
-- for a person not in the registry (e.g. an online application by a new applicant). It waits for the window
-- to register the household (`awaiting_registration`), then the case is opened from it (`opened`, `case_id`
-- set, the part then closes with the case's decision like a case part) or it is closed with a reason
-- (`closed`, `result` the reason, no outcome). `details`: the programme's opening answers, kept until the case opens.
alter table intake_parts add column details jsonb;

alter table intake_parts drop constraint intake_parts_kind_check;
alter table intake_parts add constraint intake_parts_kind_check check (kind in ('case', 'referral', 'pending_case'));
alter table intake_parts drop constraint intake_parts_status_check;
alter table intake_parts add constraint intake_parts_status_check check (status in ('case', 'referred', 'accepted', 'closed', 'awaiting_registration', 'opened'));

-- was ((kind = 'case') = (case_id is not null)): a pending part holds its case once opened, and only then
alter table intake_parts drop constraint intake_parts_check;
alter table intake_parts add constraint intake_parts_case_check check (
  case kind when 'case' then case_id is not null when 'referral' then case_id is null else (case_id is not null) = (status = 'opened') end);
-- was ((status = 'closed') = (closed_on is not null and outcome is not null)): a pending part closes with a reason, no outcome
alter table intake_parts drop constraint intake_parts_check2;
alter table intake_parts add constraint intake_parts_closed_check check (
  (status = 'closed') = (closed_on is not null and (outcome is not null or (kind = 'pending_case' and result is not null))));
alter table intake_parts add constraint intake_parts_details_check check (details is null or kind = 'pending_case');

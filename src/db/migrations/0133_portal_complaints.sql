-- Complaints from the citizen portal (issue 21, 居民端举报).
-- A complaint may be about "something else" (`other`: no recipient, no staff member named), and a complaint
-- about a recipient named by a citizen may wait, without a case, for staff to link it (the name given is
-- kept in subject_name). A named online complaint keeps the complainant's ID number so they can follow it;
-- an anonymous one keeps nothing that identifies its author.
alter table complaints drop constraint complaints_subject_kind_check;
alter table complaints add constraint complaints_subject_kind_check check (subject_kind in ('case', 'recipient', 'staff', 'other'));
alter table complaints drop constraint complaints_check2;
alter table complaints add constraint complaints_subject_check
  check (case_id is not null or subject_kind in ('staff', 'other') or (subject_kind = 'recipient' and subject_name <> ''));
alter table complaints add column complainant_id_number text;
-- Received through the citizen portal (channel online): staff see 网上（居民端）.
alter table complaints add column via_portal boolean not null default false;
alter table complaints add constraint complaints_anonymous_id_check check (not anonymous or complainant_id_number is null);
create index complaints_complainant_idx on complaints (complainant_id_number, received_on) where complainant_id_number is not null;

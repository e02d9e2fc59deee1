-- A referral answered with a claim (e.g. the one-window referral to 医保 answered with a 医疗救助 claim):
-- the claim's case, so the referral shows it and closes with its decision. A case part keeps `case_id`.
alter table intake_parts add column answer_case_id bigint;
alter table intake_parts add constraint intake_parts_answer_case_fkey foreign key (county_code, answer_case_id) references cases (county_code, id);
alter table intake_parts add constraint intake_parts_answer_check check (answer_case_id is null or kind = 'referral');
create index intake_parts_answer_case_idx on intake_parts (county_code, answer_case_id) where answer_case_id is not null;

-- The case inbox's search (cases module, service/inbox.ts): the applicant's ID number exactly, or a
-- prefix of the applicant's name (LIKE 'prefix%', which a text_pattern_ops index serves in any collation).
create index cases_applicant_id_idx on cases (county_code, applicant_id_number);
create index cases_applicant_name_idx on cases (applicant_name text_pattern_ops);

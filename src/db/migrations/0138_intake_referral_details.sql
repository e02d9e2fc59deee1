-- A referral part may keep `details` too: facts the partner takes over as they are — an online 医疗救助
-- application's claim facts (hospital, dates, amounts in fen), for the claim that answers the referral to 医保.
alter table intake_parts drop constraint intake_parts_details_check;
alter table intake_parts add constraint intake_parts_details_check check (details is null or kind in ('pending_case', 'referral'));

-- A warning's follow-up that opened a referral or a 临时救助 case at the one-window intake keeps the request's
-- number (the referral is the request's part; the case is both the request's part and case_no).
alter table left_behind_follow_ups add column request_no text;
alter table left_behind_follow_ups add constraint left_behind_follow_ups_request_check
  check (request_no is null or action in ('referral', 'temporary_case'));

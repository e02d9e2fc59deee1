-- 微心愿 claimants from the volunteers register (issue 19): a wish claimed by an organisation, a team or a
-- volunteer names the register entry of the wish's county (social_organisations, volunteer_teams,
-- volunteers of migration 0110); the name is copied from the register at the claim (claimant_name). A donor
-- (爱心人士) stays a free name with no register entry.
-- The foreign keys include county_code, so the entry is always of the wish's own county. The service
-- requires the entry for new claims of those kinds and refuses a dissolved organisation (or a team of one);
-- the table does not require it, since wishes claimed before this migration have a name only.

alter table wishes
  add column claimant_organisation_id bigint,
  add column claimant_team_id bigint,
  add column claimant_volunteer_id bigint,
  add constraint wishes_claimant_organisation_fkey foreign key (county_code, claimant_organisation_id) references social_organisations (county_code, id),
  add constraint wishes_claimant_team_fkey foreign key (county_code, claimant_team_id) references volunteer_teams (county_code, id),
  add constraint wishes_claimant_volunteer_fkey foreign key (county_code, claimant_volunteer_id) references volunteers (county_code, id),
  -- at most one entry, of the claimant's kind
  add constraint wishes_claimant_entry_kind check (
    (claimant_organisation_id is null or claimant_kind = 'organisation')
    and (claimant_team_id is null or claimant_kind = 'team')
    and (claimant_volunteer_id is null or claimant_kind = 'volunteer'));

-- Login throttling (issue #15): one row per key, reserved atomically before a password is checked.
-- kind 'pair' = user name + client address (lockout with backoff; a success resets it and marks
-- the address as known), 'user' = a user name from any address (slows, known addresses exempt),
-- 'ip' = an address across all user names (password spraying). login_attempts stays the log.
create table login_throttle (
  kind          text not null check (kind in ('pair', 'user', 'ip')),
  username      text not null default '',
  ip            text not null default '',
  failures      integer not null default 0 check (failures >= 0),
  window_start  timestamptz not null,
  last_at       timestamptz,
  succeeded_at  timestamptz,
  primary key (kind, username, ip)
);

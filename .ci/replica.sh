#!/usr/bin/env bash
# A streaming replica of the CI PostgreSQL (127.0.0.1:5432) on 127.0.0.1:5433, for the replica-reads test
# (src/db/replica.test.ts, which runs when JIUZHU_TEST_REPLICA_URL is set). Safe to run again: a standby that is
# running and streaming is reused (its replay resumed, in case a test left it paused); anything else is rebuilt.
# Prints the replica's URL on its last line. Needs root (it runs the server as `postgres`) or the postgres user.
#
# The primary is changed only where it cannot serve a standby, and each change is said on stderr:
#   - pg_hba.conf gets `host replication all 127.0.0.1/32 trust` (then a reload) when no rule lets
#     127.0.0.1 replicate;
#   - wal_level / max_wal_senders are raised by ALTER SYSTEM (then a restart) only when below replica / 1.
set -euo pipefail

PRIMARY_PORT=5432
PORT="${JIUZHU_REPLICA_PORT:-5433}"
DIR="${JIUZHU_REPLICA_DIR:-/tmp/jiuzhu-replica-$PORT}"
VERSION="$(ls /etc/postgresql | sort -V | tail -n 1)"
BIN="/usr/lib/postgresql/$VERSION/bin"
URL="postgres://postgres@127.0.0.1:$PORT/test"

say() { echo "replica: $*" >&2; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
primary() { psql -X -q -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "$1"; }
standby() { psql -X -q -At -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "$1"; }

pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" || { say "no PostgreSQL on 127.0.0.1:$PRIMARY_PORT"; exit 1; }

# Reuse a standby that is up and streaming from the primary.
if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  if [ "$(standby "select pg_is_in_recovery()")" != t ]; then
    say "127.0.0.1:$PORT answers but is not a standby; set JIUZHU_REPLICA_PORT to another port"
    exit 1
  fi
  if [ "$(standby "select count(*) from pg_stat_wal_receiver where status = 'streaming'")" = 1 ]; then
    standby "select pg_wal_replay_resume()" >/dev/null
    say "reusing the standby in $DIR"
    echo "$URL"
    exit 0
  fi
  say "the standby in $DIR is not streaming: rebuilding it"
fi
if [ -f "$DIR/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$DIR" -m immediate stop >/dev/null 2>&1 || true; fi
rm -rf "$DIR"

# The primary must let 127.0.0.1 replicate and keep WAL senders.
WAL_LEVEL="$(primary "show wal_level")"
SENDERS="$(primary "show max_wal_senders")"
if [ "$WAL_LEVEL" = minimal ] || [ "$SENDERS" -lt 1 ]; then
  say "primary: wal_level=$WAL_LEVEL, max_wal_senders=$SENDERS; setting replica / 10 and restarting it"
  primary "alter system set wal_level = replica" >/dev/null
  primary "alter system set max_wal_senders = 10" >/dev/null
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main restart >&2
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" && break; sleep 1; done
fi
ALLOWED="$(primary "select count(*) from pg_hba_file_rules where type = 'host' and 'replication' = any(database) and auth_method = 'trust' and (address = '127.0.0.1' or address = 'all') and error is null")"
if [ "$ALLOWED" = 0 ]; then
  HBA="$(primary "show hba_file")"
  say "primary: adding 'host replication all 127.0.0.1/32 trust' to $HBA and reloading"
  echo "host replication all 127.0.0.1/32 trust  # jiuzhu .ci/replica.sh" >>"$HBA"
  primary "select pg_reload_conf()" >/dev/null
fi

# A base backup that writes standby.signal and primary_conninfo (-R) and streams the WAL it needs (-X stream).
say "base backup of 127.0.0.1:$PRIMARY_PORT into $DIR"
as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR" -R -X stream -c fast
# Debian keeps the configuration in /etc: the copy gets its own. A hot standby needs these at least as high as the primary's.
{
  echo "listen_addresses = '127.0.0.1'"
  echo "port = $PORT"
  echo "unix_socket_directories = '$DIR'"
  echo "hot_standby = on"
  echo "hot_standby_feedback = on"
  echo "fsync = off"
  echo "shared_buffers = 32MB"
  for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    echo "$setting = $(primary "show $setting")"
  done
} | as_postgres tee "$DIR/postgresql.conf" >/dev/null
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$DIR/pg_hba.conf" >/dev/null
as_postgres touch "$DIR/pg_ident.conf"

as_postgres "$BIN/pg_ctl" -D "$DIR" -o "-p $PORT" -l "$DIR/server.log" -w -t 60 start >/dev/null
for _ in $(seq 1 30); do
  [ "$(standby "select count(*) from pg_stat_wal_receiver where status = 'streaming'" 2>/dev/null || true)" = 1 ] && break
  sleep 1
done
[ "$(standby "select pg_is_in_recovery()")" = t ] || { say "the standby did not start in recovery (log: $DIR/server.log)"; exit 1; }
say "standby streaming on 127.0.0.1:$PORT (data $DIR, log $DIR/server.log)"
echo "$URL"

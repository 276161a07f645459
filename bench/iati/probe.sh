#!/bin/bash
# Run the IATI importer on each FILE, each time against a fresh copy of one scratch database.
#   bench/iati/probe.sh FILE...        (output in $PROBE/out/<name>.{out,err,rc})
# PROBE defaults to /tmp/iati_probe. The real project database is never touched:
# DATABASE_URL and DOINGOAI_VAR point into $PROBE. To probe another checkout of the
# code (e.g. a `git archive` snapshot) set PYTHONPATH=<snapshot>/src before calling.
set -u
PROBE=${PROBE:-/tmp/iati_probe}
DOINGOAI=${DOINGOAI:-/work/main/.venv/bin/doingoai}
export DATABASE_URL=sqlite:///$PROBE/db.sqlite3 DOINGOAI_VAR=$PROBE/var
mkdir -p "$PROBE/var" "$PROBE/out"
if [ ! -f "$PROBE/baseline.sqlite3" ]; then
  rm -f "$PROBE/db.sqlite3"
  "$DOINGOAI" migrate -v0 && "$DOINGOAI" load_units >/dev/null
  # import_iati acts as the first system administrator; a fresh database has none
  DJANGO_SUPERUSER_PASSWORD=probe-Pass-123 "$DOINGOAI" createsuperuser --noinput \
    --username probe --email probe@example.org
  cp "$PROBE/db.sqlite3" "$PROBE/baseline.sqlite3"
fi
for f in "$@"; do
  b=$(basename "$f" .xml)
  cp "$PROBE/baseline.sqlite3" "$PROBE/db.sqlite3"
  "$DOINGOAI" import_iati "$f" --unit VN --quiet >"$PROBE/out/$b.out" 2>"$PROBE/out/$b.err"
  echo $? >"$PROBE/out/$b.rc"
  echo "$b rc=$(cat "$PROBE/out/$b.rc") $(tail -1 "$PROBE/out/$b.out")"
  # the same problem, one line per kind, with its count
  sed -E 's/^Activity [^:]*: //; s/transaction [0-9]+/transaction N/' "$PROBE/out/$b.err" \
    | grep -v '^CommandError' | sort | uniq -c | sort -rn
done

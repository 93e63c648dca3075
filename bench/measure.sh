# Sourced by the bench scripts: measure LABEL COMMAND... runs the command 3 times and prints wall time,
# CPU time (user + system) and peak RSS from /usr/bin/time for each run (output discarded; $work holds the timing file).
measure() {
  local label=$1
  shift
  for run in 1 2 3; do
    /usr/bin/time -f "$label	run $run	wall %e s	CPU %U + %S s	peak RSS %M KiB" "$@" >/dev/null 2>"$work/time.txt" || {
      cat "$work/time.txt"
      exit 1
    }
    tail -n 1 "$work/time.txt"
  done
}

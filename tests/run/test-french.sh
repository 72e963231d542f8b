#!/usr/bin/env bash
# A French person starts Veto the README's way, and an installed Veto, and
# reads French: no test-only variable (VETO_LOCALEDIR) points at the
# translations. TAP output.
#
#   test-french.sh SOURCE_ROOT BUILD_ROOT PREFIX BINDIR
set -uo pipefail
src=$1 build=$2 prefix=$3 bindir=$4
unset VETO_LOCALEDIR LANGUAGE LC_ALL LC_MESSAGES LANG
tmp=$(mktemp -d "${TMPDIR:-/tmp}/veto-french-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
check () {  # check DESCRIPTION EXPECTED ACTUAL
  n=$((n + 1))
  case "$3" in
    *"$2"*) echo "ok $n $1" ;;
    *) echo "not ok $n $1"; printf '# expected to contain: %s\n# got: %s\n' "$2" "$3"; failed=$((failed + 1)) ;;
  esac
}
# A person's fresh home: nothing recorded yet.
run_as_person () {
  local home
  home=$(mktemp -d "$tmp/home-XXXXXX")
  env HOME="$home" XDG_STATE_HOME="$home/state" XDG_CONFIG_HOME="$home/config" \
      XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" "$@" 2>&1
}
fr_status='Rien à signaler pour l’instant'
en_status='Nothing to report yet'

# The README's command, from the source tree (it builds, which is a no-op here).
out=$(cd "$src" && run_as_person VETO_BUILDDIR="$build" LC_ALL=C.UTF-8 LANGUAGE=fr build-aux/dev run --status)
check "build-aux/dev run with LANGUAGE=fr speaks French" "$fr_status" "$out"
out=$(cd "$src" && run_as_person VETO_BUILDDIR="$build" LANG=fr_FR.UTF-8 build-aux/dev run --status)
check "build-aux/dev run on a French system (LANG=fr_FR.UTF-8, locale not generated here) speaks French" "$fr_status" "$out"
check "... and its interface and catalog agree" "démarches version" "$out"
out=$(cd "$src" && run_as_person VETO_BUILDDIR="$build" LANG=en_GB.UTF-8 build-aux/dev run --status)
check "build-aux/dev run on an English system speaks English" "$en_status" "$out"

# An installed Veto: meson install into a folder, then run from there.
if meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" >"$tmp/install.log" 2>&1; then
  veto="$tmp/root$prefix/$bindir/veto"
  out=$(run_as_person LC_ALL=C.UTF-8 LANGUAGE=fr "$veto" --status)
  check "an installed veto with LANGUAGE=fr speaks French" "$fr_status" "$out"
  out=$(run_as_person LANG=fr_FR.UTF-8 "$veto" --status)
  check "an installed veto on a French system speaks French" "$fr_status" "$out"
else
  n=$((n + 1)); failed=$((failed + 1))
  echo "not ok $n meson install into a folder"; sed 's/^/# /' "$tmp/install.log"
fi
echo "1..$n"
exit $((failed > 0))

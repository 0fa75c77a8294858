#!/usr/bin/env bash
# Time from starting `stepwise serve --demo` on an empty data folder to (1) the first page answered, (2) a demo
# account able to sign in, (3) the demo fully loaded. Usage:
#   bench/first-start/measure.sh <path to stepwise.dll> [port]
# Run it against two builds in the same session to compare them (see docs/benchmarks.md).
set -euo pipefail
dll=$1; port=${2:-5190}
data=$(mktemp -d); out=$(mktemp)
start=$(date +%s.%N)
dotnet "$dll" serve --demo --data "$data" --urls "http://127.0.0.1:$port" > "$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$out"' EXIT
since() { echo "$(date +%s.%N) - $start" | bc; }
first=""; signin=""; tried=0
while kill -0 $pid 2>/dev/null; do
  page=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$port/sign-in" || true)
  if [ -z "$first" ] && [ "$(tail -n1 <<<"$page")" = 200 ]; then
    first=$(since); echo "first page answered: $first s"
  fi
  # Sign in once the header no longer says the trust is loading (at most every 3 s: sign-in attempts are rate-limited).
  if [ -n "$first" ] && [ -z "$signin" ] && { ! grep -q "Loading the demo" <<<"$page" || grep -q "can sign in now" <<<"$page"; } \
     && [ $(( $(date +%s) - tried )) -ge 3 ]; then
    tried=$(date +%s); jar=$(mktemp)
    token=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -1)
    where=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' \
      --data-urlencode "Input.Email=amara.okafor@larkhaven.example" --data-urlencode "Input.Password=stepwise-demo-2026" \
      --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/sign-in" || true)
    rm -f "$jar"
    if [ -n "$where" ] && [[ "$where" != *sign-in* ]]; then signin=$(since); echo "a demo account signs in: $signin s"; fi
  fi
  if [ -n "$signin" ] && grep -q "Loaded the demo" "$out"; then
    echo "demo fully loaded: $(since) s"; break
  fi
  sleep 0.25
done

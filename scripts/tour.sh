#!/usr/bin/env bash
# The README's tour: run it from the checkout while `npm start` runs, as `bash scripts/tour.sh`. It stops at the
# first step that fails, names it on stderr and exits non-zero; nothing after that step is sent. Run again, it
# finds the officers and the item registered and opens another case.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
STEP='0. issue the tokens'
step() { STEP="$1. $2"; }
trap 'status=$?; if [ "$status" -ne 0 ]; then echo "tour: step $STEP failed (exit $status); the steps after it were not run" >&2; fi' EXIT
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{if(!s)process.exit(1);const v=JSON.parse(s)'"$1"';console.log(typeof v==="string"?v:JSON.stringify(v,null,2))})'; }
ADMIN=$(npx ledger token --sub head --agency county-justice --roles admin)
OFFICER=$(npx ledger token --sub alice --agency county-justice --roles officer)
REVIEWER=$(npx ledger token --sub rita --agency county-justice --roles reviewer)

# register ROUTE CODE BODY: the admin registers; run again on the same data folder, the tour finds them registered
# (409 with CODE, officer_exists or item_exists) and goes on, while any other answer stops it, the problem on stderr
register() {
  local answer
  answer=$(curl -sS -X POST "$BASE$1" -H "Authorization: Bearer $ADMIN" -H 'content-type: application/json' -d "$3" \
    -w '\n%{http_code}')
  case ${answer##*$'\n'} in
    2??) return 0 ;;
    409) [ "$(printf '%s' "${answer%$'\n'*}" | json .code 2> /dev/null)" = "$2" ] && echo "$1: $2, going on" && return 0 ;;
  esac
  printf '%s\n' "${answer%$'\n'*}" >&2
  return 22
}

step 1 'the admin registers two officers, a reviewer and an enforcement item (fines from 10,000 yuan are major)'
for who in alice:officer bob:officer rita:reviewer; do
  register /v1/officers officer_exists '{
    "officerId": "'"${who%%:*}"'", "name": "'"${who%%:*}"'", "agency": "county-justice", "certificateNo": "1405-'"${who%%:*}"'",
    "validFrom": "2024-01-01", "validTo": "2030-12-31", "roles": ["'"${who##*:}"'"]}'
done
register /v1/items item_exists '{
  "code": "P-001", "agency": "county-justice", "name": "未按规定公示执业信息", "category": "penalty",
  "legalBasis": "《律师法》第五十条", "major": {"fineFenAtLeast": 1000000}}'

step 2 'an officer opens a case'
# the county's day and time, UTC+8 (the service's default LEDGER_UTC_OFFSET): the dates an act names are the
# agency's days, and an act is recorded once done, never stated later than the service's clock
TODAY=$(TZ=UTC-8 date +%F)
now() { TZ=UTC-8 date +%Y-%m-%dT%H:%M:%S+08:00; }
CASE=$(curl -sSf -X POST "$BASE/v1/cases" -H "Authorization: Bearer $OFFICER" -H 'content-type: application/json' -d '{
  "itemCode": "P-001", "title": "某律师事务所未公示执业信息案", "openedOn": "'"$TODAY"'", "officers": ["alice", "bob"],
  "parties": [{"kind": "organization", "name": "某某律师事务所"}]}' | json .caseId)

step 3 'uploads the video of a seizure and records the seizure (refused without an audio or video recording)'
# a stand-in for the body camera's file: the service checks that a video starts as one (here an MP4 ftyp box)
VIDEO_FILE=${TMPDIR:-/tmp}/seizure.mp4
{ printf '\000\000\000\030ftypisom\000\000\002\000isommp41'; head -c 300000 /dev/urandom; } > "$VIDEO_FILE"
VIDEO=$(curl -sSf -X POST "$BASE/v1/media" -H "Authorization: Bearer $OFFICER" -H 'content-type: video/mp4' \
  --data-binary "@$VIDEO_FILE" | json .sha256)
act() { curl -sSf -X POST "$BASE/v1/cases/$CASE/acts" -H "Authorization: Bearer $1" -H 'content-type: application/json' -d "$2"; }
act "$OFFICER" '{"type": "PropertySeized", "occurredAt": "'"$(now)"'",
  "data": {"items": "执业许可证原件一份", "legalBasis": "《行政强制法》第二十二条"}, "media": ["'"$VIDEO"'"]}' > /dev/null

step 4 'proposes a fine of 20,000 yuan (2,000,000 fen), which is major: a legal review must pass first'
act "$OFFICER" '{"type": "LegalReviewRequested", "occurredAt": "'"$(now)"'",
  "data": {"proposed": {"decisionType": "fine", "fineFen": 2000000, "legalBasis": "《律师法》第五十条"}}}' > /dev/null
act "$REVIEWER" '{"type": "LegalReviewCompleted", "occurredAt": "'"$(now)"'",
  "data": {"outcome": "approved", "opinion": "事实清楚，证据充分，程序合法", "checks": {"subjectLawful": true,
  "officersQualified": true, "procedureLawful": true, "factsClear": true, "evidenceSufficient": true,
  "lawAppliedCorrectly": true, "discretionAppropriate": true, "withinAuthority": true, "documentsComplete": true,
  "criminalReferralNeeded": false}}}' > /dev/null

step 5 'decides: the disclosure deadline (7 working days for a penalty) is computed on the holiday calendar'
# one document number (文书号) names one decision of the agency: an agency numbers them in sequence; the tour, which
# may run again on the same data, ends its number with the end of the case's id
DOCUMENT_NO="县司罚〔${TODAY:0:4}〕${CASE: -6}号"
POSITION=$(act "$OFFICER" '{"type": "DecisionIssued", "occurredAt": "'"$(now)"'",
  "data": {"decisionType": "fine", "fineFen": 2000000, "legalBasis": "《律师法》第五十条",
  "documentNo": "'"$DOCUMENT_NO"'", "decidedOn": "'"$TODAY"'"}}' | json '.position')

# the read itself is recorded; consistentWith waits for the write just made; the events come a page of up to 100
# at a time (`?limit=` up to 1000, and `?cursor=` the `next` a page gives when more follow)
step 6 'reads the case file, consistent with the write just made, and the signed events'
curl -sSf "$BASE/v1/cases/$CASE?consistentWith=$POSITION" -H "Authorization: Bearer $OFFICER" | json '.decision'
curl -sSf "$BASE/v1/cases/$CASE?consistentWith=$POSITION" -H "Authorization: Bearer $OFFICER" | json '.completeness'
curl -sSf "$BASE/v1/cases/$CASE/events" -H "Authorization: Bearer $OFFICER" | json '.events.map(e => e.type + " " + e.hash.slice(0, 12))'
echo "CASE=$CASE"

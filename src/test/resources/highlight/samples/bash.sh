#!/usr/bin/env bash
# Deploys the site to the bucket named in $BUCKET, then invalidates the CDN.
set -euo pipefail

readonly SITE_DIR="${1:-site}"
BUCKET=${BUCKET:?set BUCKET to the target bucket}
DISTRIBUTION_ID=$(aws cloudfront list-distributions \
  --query "DistributionList.Items[?Origins.Items[0].DomainName=='${BUCKET}.s3.amazonaws.com'].Id" \
  --output text)

log() {
  local level=$1; shift
  printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "$level" "$*" >&2
}

if [[ ! -d "$SITE_DIR" ]]; then
  log ERROR "no $SITE_DIR folder: run the build first"
  exit 1
fi

count=0
for file in "$SITE_DIR"/**/*.html; do
  if grep -q '<meta name="robots" content="noindex">' "$file"; then
    continue
  fi
  count=$((count + 1))
done
log INFO "uploading $count pages"

aws s3 sync "$SITE_DIR" "s3://$BUCKET" --delete --cache-control 'max-age=300' \
  && log INFO "synced" || { log ERROR "sync failed"; exit 2; }

case "$DISTRIBUTION_ID" in
  "") log WARN "no distribution found" ;;
  *) aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths '/*' > /dev/null ;;
esac

while read -r line; do
  echo "  $line"
done < <(ls -1 "$SITE_DIR" | head -n 5)
export DEPLOYED_AT=$(date +%s)

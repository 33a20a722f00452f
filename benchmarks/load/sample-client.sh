# Sourced by the load scripts: what each needs to talk to a started sample app.
#   wait_for URL                  polls URL for up to 60 s; exits the script if it never answers
#   token_of BASE USER            an access token for a demo user (password "<user>-password")
#   new_api_key BASE TOKEN NAME   a new API key of org acme, project p1, created with an admin's TOKEN

wait_for() {
  for _ in $(seq 1 120); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "$1 did not start" >&2
  exit 1
}

token_of() {
  curl -sf -d grant_type=password -d username="$2" -d password="$2-password" "$1/auth/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

new_api_key() {
  curl -sf -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$3\",\"project\":\"p1\",\"scopes\":[\"agents:read\"]}" "$1/api/v1/orgs/acme/api-keys" \
    | sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# shellcheck shell=bash
# Sourced by demo.sh: the demo tenant's secrets (made once, kept under .local/demo, mode 600) and the settings
# every process of the demo gets through its environment (never on a command line).
#
# Needs: root, scenario_file, scenario_seed, cycle_seconds, rings_mode (policy|simulator), .local/env.sh sourced.

demo_dir="$WHFB_LOCAL_DIR/demo"
mkdir -p "$demo_dir"
chmod 700 "$demo_dir"

# A random secret in FILE, made once (the file is the secret store of this local demo).
demo_secret() {
  local file="$1" prefix="$2"
  [[ -s "$file" ]] || ( umask 077; printf '%s%s\n' "$prefix" "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$file" )
  cat "$file"
}

demo_tenant="8f0a3c1e-4b7d-4e21-9a55-0c6d2e7f1b90"
# The admin key stays where earlier versions of demo.sh kept it; services get only its SHA-256.
admin_key="$(demo_secret "$WHFB_LOCAL_DIR/demo-admin.key" adm_)"
graph_app_id="5b9d7c3e-2f41-4a86-9d0e-7c1f3a5b8e24"
# The Graph app's certificate credential (made once): its key stays with SyncTracker and Policy, the emulated app
# registration knows only the public certificate. No client secret: enterprises rarely allow one.
graph_app_key="$demo_dir/graph-app.pem" graph_app_cert="$demo_dir/graph-app.cer.pem"
if [[ ! -s "$graph_app_key" || ! -s "$graph_app_cert" ]]; then
  ( umask 077; openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=WhfbPlatform demo app" \
      -keyout "$demo_dir/graph-app.key.tmp" -out "$graph_app_cert" 2>/dev/null \
    && cat "$graph_app_cert" "$demo_dir/graph-app.key.tmp" >"$graph_app_key" && rm -f "$demo_dir/graph-app.key.tmp" )
fi
graph_pem="$demo_dir/graph.pem"
scenario_ou="OU=sim-$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$scenario_file")-$scenario_seed,$WHFB_LDAP_BASE_DN"

# Cycle-based durations as hh:mm:ss for .NET TimeSpan settings.
timespan() { printf '00:%02d:%02d' $(( $1 / 60 )) $(( $1 % 60 )); }

export Auth__ApiKeys__0__Name=demo-admin Auth__ApiKeys__0__Role=admin Auth__ApiKeys__0__TenantId="$demo_tenant"
Auth__ApiKeys__0__Sha256="$(printf '%s' "$admin_key" | sha256sum | cut -d' ' -f1)"; export Auth__ApiKeys__0__Sha256

# Graph: SyncTracker and Policy call the emulator over https, trusting exactly its certificate, as the app of the
# certificate above (a client assertion signed with its key).
export Graph__TenantId="$demo_tenant" Graph__ClientId="$graph_app_id" Graph__ClientCertificatePath="$graph_app_key" \
  Graph__AuthorityHost="https://127.0.0.1:5443/" Graph__BaseUrl="https://127.0.0.1:5443/v1.0" Graph__PinnedCertificatePath="$graph_pem"

# Ingest: the demo runs after the migration to device keys: the tenant's collector key only enrolls (each of the
# 5,000 devices once, before the rollout, spent from that one key's budget) and every device posts with its own key.
export Ingest__RequestsPerSecondPerKey=5000 Ingest__BurstPerKey=20000
Ingest__TenantKeysPostUntil="$(date -u +%Y-%m-%dT%H:%M:%SZ)"; export Ingest__TenantKeysPostUntil

# SyncTracker: thresholds in the scenario's sync cycles; the scenario's OU scanned every 2 s, bound with Kerberos as the
# directory reader of the local keytab (KRB5_CONFIG from env.sh), sealed: no directory password in its environment.
export SyncTracker__TenantId="$demo_tenant" SyncTracker__Thresholds__Cycle="$(timespan "$cycle_seconds")" \
  SyncTracker__Thresholds__StuckGrace="$(timespan $(( cycle_seconds / 2 )))" SyncTracker__Thresholds__CreationTolerance="00:00:05" \
  SyncTracker__EvaluateInterval="00:00:02" \
  SyncTracker__Directory__Url="$WHFB_LDAP_KERBEROS_URL" SyncTracker__Directory__BindMode=Negotiate \
  SyncTracker__Directory__BaseDns__0="$scenario_ou" SyncTracker__Directory__ScanInterval="00:00:02"
# SyncTracker's Graph inventory (user anchors, WHfB methods) on the scenario's time scale.
export SyncTracker__Graph__Enabled=true SyncTracker__Graph__TickInterval="00:00:02" SyncTracker__Graph__DeltaInterval="00:00:05" \
  SyncTracker__Graph__PendingRecheckInterval="$(timespan "$cycle_seconds")" SyncTracker__Graph__SettledRecheckInterval="00:10:00" \
  SyncTracker__Graph__ListingLag="$(timespan $(( cycle_seconds * 2 )))"

# Policy: gates checked every 3 s.
export Policy__GateInterval="00:00:03"

# Simulator: the tenant, the app SyncTracker and Policy use, Entra Connect on the real Samba, the fleet.
export Simulator__Graph__TenantId="$demo_tenant" Simulator__Graph__Apps__0__ClientId="$graph_app_id" \
  Simulator__Graph__Apps__0__CertificatePath="$graph_app_cert" Simulator__CertificatePemPath="$graph_pem" \
  Simulator__EntraConnect__Enabled=true Simulator__EntraConnect__LdapUrl="$WHFB_LDAP_URL" \
  Simulator__EntraConnect__CaCertificatesFile="$WHFB_LDAP_CA_FILE" \
  Simulator__EntraConnect__BindDn="$WHFB_LDAP_BIND_DN" Simulator__EntraConnect__Password="$WHFB_LDAP_PASSWORD" \
  Simulator__Fleet__Scenario="$scenario_file" Simulator__Fleet__WaitForStart=true \
  Simulator__Fleet__IngestUrl="http://127.0.0.1:5101/" Simulator__Fleet__DirectoryBaseDn="$WHFB_LDAP_BASE_DN"
if [[ "$rings_mode" == simulator ]]; then export Simulator__Fleet__AssignRings=true; else export Simulator__Fleet__AssignRings=false; fi

# The CLI: the demo operator's key, the simulator's admin address.
export WHFB_API_KEY="$admin_key" WHFB_SIMULATOR_URL="http://127.0.0.1:5105"

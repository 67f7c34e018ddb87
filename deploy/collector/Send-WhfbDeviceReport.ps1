<#
.SYNOPSIS
    WhfbPlatform device collector: sends this device's Windows Hello for Business signals to Ingest.

.DESCRIPTION
    Deploy as an Intune remediation (detection script, run as SYSTEM) or a scheduled task. Each run:
      1. reads the "Microsoft-Windows-User Device Registration/Admin" event log after the bookmark (last record id sent),
      2. runs `dsregcmd /status`,
      3. reads the PassportForWork policy registry keys (GPO: HKLM\SOFTWARE\Policies\Microsoft\PassportForWork and
         per-user HKU\<sid>\...; MDM: HKLM\SOFTWARE\Microsoft\Policies\PassportForWork),
      4. posts them to Ingest (`Authorization: Bearer <collector key>`), retrying with exponential backoff on
         429/503/network errors (honouring Retry-After), and saves the bookmark only after Ingest answered 202.
    Exit code 0 when everything was accepted, 1 otherwise (the next run sends what is left).
    Works on Windows PowerShell 5.1 and PowerShell 7. Windows-only calls are wrapped in the Get-/Invoke-/Read-Whfb*
    functions below so tests can replace them.

.EXAMPLE
    .\Send-WhfbDeviceReport.ps1 -IngestUrl https://ingest.contoso.com -CollectorKey $key
#>
[CmdletBinding()]
param(
    [string] $IngestUrl = $env:WHFB_INGEST_URL,
    [string] $CollectorKey = $env:WHFB_COLLECTOR_KEY,
    [string] $StatePath = (Join-Path ([Environment]::GetFolderPath('CommonApplicationData')) 'WhfbCollector\bookmark.json'),
    [int] $BatchSize = 500,
    [int] $MaxAttempts = 5,
    [double] $InitialDelaySeconds = 2,
    [double] $MaxDelaySeconds = 300
)

$script:RegistrationChannel = 'Microsoft-Windows-User Device Registration/Admin'
$script:GpoPath = 'HKLM:\SOFTWARE\Policies\Microsoft\PassportForWork'
$script:MdmPath = 'HKLM:\SOFTWARE\Microsoft\Policies\PassportForWork'

. (Join-Path $PSScriptRoot 'WhfbCollector.Windows.ps1')
. (Join-Path $PSScriptRoot 'WhfbCollector.Records.ps1')
. (Join-Path $PSScriptRoot 'WhfbCollector.Http.ps1')

function Read-WhfbBookmark([string] $Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return [long]0 }
    try { return [long]((Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json).lastRecordId) } catch { return [long]0 }
}

function Save-WhfbBookmark([string] $Path, [long] $RecordId) {
    $folder = Split-Path -Parent $Path
    if ($folder -and -not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
    $temp = "$Path.tmp"
    @{ lastRecordId = $RecordId; savedAt = (Get-Date).ToUniversalTime().ToString('o') } | ConvertTo-Json | Set-Content -LiteralPath $temp -Encoding UTF8
    Move-Item -LiteralPath $temp -Destination $Path -Force
}

function Send-WhfbEvents([string] $DeviceId, [string] $DeviceName) {
    $bookmark = Read-WhfbBookmark $StatePath
    $events = @(Get-WhfbRegistrationEvents -AfterRecordId $bookmark | Sort-Object RecordId)
    for ($i = 0; $i -lt $events.Count; $i += $BatchSize) {
        $chunk = $events[$i..([Math]::Min($i + $BatchSize, $events.Count) - 1)]
        $lines = foreach ($e in $chunk) { ConvertTo-WhfbEventRecord -WinEvent $e -DeviceId $DeviceId -DeviceName $DeviceName | ConvertTo-Json -Compress -Depth 6 }
        if (-not (Send-WhfbReport -Path '/v1/events' -Body ($lines -join "`n") -ContentType 'application/x-ndjson')) { return $false }
        Save-WhfbBookmark $StatePath ([long]($chunk | Measure-Object -Property RecordId -Maximum).Maximum)
    }
    return $true
}

function Invoke-WhfbCollector {
    if (-not $IngestUrl -or -not $CollectorKey) { Write-Warning 'Set -IngestUrl and -CollectorKey (or WHFB_INGEST_URL and WHFB_COLLECTOR_KEY).'; return 1 }
    $status = Invoke-WhfbDsregcmd
    $deviceId = Get-WhfbDeviceId $status
    if (-not $deviceId) { Write-Warning 'No Entra device id in dsregcmd /status: the device is not registered; nothing to report.'; return 1 }
    $deviceName = Get-WhfbDeviceName
    $ok = Send-WhfbEvents -DeviceId $deviceId -DeviceName $deviceName
    $ok = (Send-WhfbReport -Path "/v1/dsregcmd?deviceId=$deviceId" -Body $status -ContentType 'text/plain; charset=utf-8') -and $ok
    $policy = Get-WhfbPolicyState -DeviceId $deviceId | ConvertTo-Json -Compress -Depth 10
    $ok = (Send-WhfbReport -Path '/v1/policy-state' -Body $policy -ContentType 'application/json') -and $ok
    if ($ok) { return 0 } else { return 1 }
}

# Dot-sourcing (tests) only defines the functions; running the script collects and sends.
if ($MyInvocation.InvocationName -ne '.') { exit (Invoke-WhfbCollector) }

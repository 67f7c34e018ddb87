<#
.SYNOPSIS
    WhfbPlatform device collector: sends this device's Windows Hello for Business signals to Ingest.

.DESCRIPTION
    Deploy as an Intune remediation (detection script, run as SYSTEM) or a scheduled task. Each run:
      1. refuses plain http to anything but loopback, forces TLS 1.2 on Windows PowerShell 5.1, and makes sure its data
         folder (%ProgramData%\WhfbCollector) exists with a SYSTEM-only ACL (a folder someone else created is refused),
      2. runs `dsregcmd /status` for the device's Entra id and, the first time, enrolls the device with the tenant's
         enrollment key (POST /v1/enroll); the device key it gets is kept DPAPI-protected (machine scope) in the data
         folder and used from then on; a 401 for it (revoked, or replaced) enrolls again once,
      3. reads the "Microsoft-Windows-User Device Registration/Admin" event log after the bookmark (last record id sent),
      4. reads the PassportForWork policy registry keys (GPO: HKLM\SOFTWARE\Policies\Microsoft\PassportForWork and
         per-user HKU\<sid>\...; MDM: HKLM\SOFTWARE\Microsoft\Policies\PassportForWork),
      5. posts them to Ingest (`Authorization: Bearer <device key>`), retrying with exponential backoff on
         429/503/network errors (honouring Retry-After), and saves the bookmark only after Ingest answered 202.
    Exit code 0 when everything was accepted, 1 otherwise (the next run sends what is left).
    Works on Windows PowerShell 5.1 and PowerShell 7. Windows-only calls are wrapped in the functions of
    WhfbCollector.Windows.ps1 so tests can replace them.

.EXAMPLE
    .\Send-WhfbDeviceReport.ps1 -IngestUrl https://ingest.contoso.com -EnrollmentKey $key
#>
[CmdletBinding()]
param(
    [string] $IngestUrl = $env:WHFB_INGEST_URL,
    # The tenant's enrollment key (whfb collector-key create); -CollectorKey / WHFB_COLLECTOR_KEY from before device keys work too.
    [Alias('CollectorKey')]
    [string] $EnrollmentKey = $(if ($env:WHFB_ENROLLMENT_KEY) { $env:WHFB_ENROLLMENT_KEY } else { $env:WHFB_COLLECTOR_KEY }),
    [string] $DataFolder = (Join-Path ([Environment]::GetFolderPath('CommonApplicationData')) 'WhfbCollector'),
    [int] $BatchSize = 500,
    [int] $MaxAttempts = 5,
    [double] $InitialDelaySeconds = 2,
    [double] $MaxDelaySeconds = 300
)

$script:RegistrationChannel = 'Microsoft-Windows-User Device Registration/Admin'
$script:GpoPath = 'HKLM:\SOFTWARE\Policies\Microsoft\PassportForWork'
$script:MdmPath = 'HKLM:\SOFTWARE\Microsoft\Policies\PassportForWork'

. (Join-Path $PSScriptRoot 'WhfbCollector.Windows.ps1')
. (Join-Path $PSScriptRoot 'WhfbCollector.Security.ps1')
. (Join-Path $PSScriptRoot 'WhfbCollector.Records.ps1')
. (Join-Path $PSScriptRoot 'WhfbCollector.Http.ps1')
. (Join-Path $PSScriptRoot 'WhfbCollector.Keys.ps1')

function Get-WhfbBookmarkPath { Join-Path $DataFolder 'bookmark.json' }

function Read-WhfbBookmark {
    $path = Get-WhfbBookmarkPath
    if (-not (Test-Path -LiteralPath $path)) { return [long]0 }
    try { return [long]((Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).lastRecordId) } catch { return [long]0 }
}

function Save-WhfbBookmark([long] $RecordId) {
    $path = Get-WhfbBookmarkPath
    @{ lastRecordId = $RecordId; savedAt = (Get-Date).ToUniversalTime().ToString('o') } | ConvertTo-Json | Set-Content -LiteralPath "$path.tmp" -Encoding UTF8
    Move-Item -LiteralPath "$path.tmp" -Destination $path -Force
}

function Send-WhfbEvents([string] $DeviceId, [string] $DeviceName) {
    $events = @(Get-WhfbRegistrationEvents -AfterRecordId (Read-WhfbBookmark) | Sort-Object RecordId)
    for ($i = 0; $i -lt $events.Count; $i += $BatchSize) {
        $chunk = $events[$i..([Math]::Min($i + $BatchSize, $events.Count) - 1)]
        $lines = foreach ($e in $chunk) { ConvertTo-WhfbEventRecord -WinEvent $e -DeviceId $DeviceId -DeviceName $DeviceName | ConvertTo-Json -Compress -Depth 6 }
        if (-not (Send-WhfbReport -Path '/v1/events' -Body ($lines -join "`n") -ContentType 'application/x-ndjson')) { return $false }
        Save-WhfbBookmark ([long]($chunk | Measure-Object -Property RecordId -Maximum).Maximum)
    }
    return $true
}

function Invoke-WhfbCollector {
    if (-not $IngestUrl) { Write-Warning 'Set -IngestUrl and -EnrollmentKey (or WHFB_INGEST_URL and WHFB_ENROLLMENT_KEY).'; return 1 }
    if (-not (Test-WhfbIngestUrl $IngestUrl)) { Write-Warning "Refusing $IngestUrl`: Ingest must be https (plain http only to this machine's loopback)."; return 1 }
    Set-WhfbTls12
    if (-not (Initialize-WhfbDataFolder $DataFolder)) { return 1 }
    $status = Invoke-WhfbDsregcmd
    $script:DeviceId = Get-WhfbDeviceId $status
    if (-not $script:DeviceId) { Write-Warning 'No Entra device id in dsregcmd /status: the device is not registered; nothing to report.'; return 1 }
    $script:DeviceName = Get-WhfbDeviceName
    $script:Reenrolled = $false
    $script:DeviceKey = Get-WhfbDeviceKey -DeviceId $script:DeviceId -DeviceName $script:DeviceName
    if (-not $script:DeviceKey) { return 1 }
    $ok = Send-WhfbEvents -DeviceId $script:DeviceId -DeviceName $script:DeviceName
    $ok = (Send-WhfbReport -Path "/v1/dsregcmd?deviceId=$($script:DeviceId)" -Body $status -ContentType 'text/plain; charset=utf-8') -and $ok
    $policy = Get-WhfbPolicyState -DeviceId $script:DeviceId | ConvertTo-Json -Compress -Depth 10
    $ok = (Send-WhfbReport -Path '/v1/policy-state' -Body $policy -ContentType 'application/json') -and $ok
    if ($ok) { return 0 } else { return 1 }
}

# Dot-sourcing (tests) only defines the functions; running the script collects and sends.
if ($MyInvocation.InvocationName -ne '.') { exit (Invoke-WhfbCollector) }

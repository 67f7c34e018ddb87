# The device's own key: enrolled once with the tenant's enrollment key, kept DPAPI-protected in the SYSTEM-only data
# folder, replaced by enrolling again when Ingest no longer accepts it (revoked, or replaced by another enrollment).

function Get-WhfbDeviceKeyPath { Join-Path $DataFolder 'device.key' }

function Read-WhfbDeviceKey {
    $path = Get-WhfbDeviceKeyPath
    if (-not (Test-Path -LiteralPath $path)) { return $null }
    try { return Unprotect-WhfbSecret (Get-Content -LiteralPath $path -Raw).Trim() }
    catch { Write-Warning "The stored device key cannot be read ($($_.Exception.Message)); enrolling again"; return $null }
}

function Save-WhfbDeviceKey([string] $Key) {
    $path = Get-WhfbDeviceKeyPath
    Protect-WhfbSecret $Key | Set-Content -LiteralPath "$path.tmp" -Encoding ASCII
    Move-Item -LiteralPath "$path.tmp" -Destination $path -Force
}

function Remove-WhfbDeviceKey { Remove-Item -LiteralPath (Get-WhfbDeviceKeyPath) -Force -ErrorAction SilentlyContinue }

# POST /v1/enroll with the enrollment key: the new device key, or $null when Ingest refused or did not answer.
function Invoke-WhfbEnrollment([string] $DeviceId, [string] $DeviceName) {
    if (-not $EnrollmentKey) { Write-Warning 'No device key yet and no enrollment key to get one: set -EnrollmentKey (or WHFB_ENROLLMENT_KEY).'; return $null }
    $body = @{ deviceId = $DeviceId; deviceName = $DeviceName } | ConvertTo-Json -Compress
    $answer = Send-WhfbRequest -Path '/v1/enroll' -Body $body -ContentType 'application/json' -Key $EnrollmentKey
    if ($answer.Status -ne 201) { Write-Warning "Enrollment of $DeviceId failed ($($answer.Status))"; return $null }
    return ($answer.Content | ConvertFrom-Json).key
}

# The stored device key, or a new one from enrollment (saved before it is used).
function Get-WhfbDeviceKey([string] $DeviceId, [string] $DeviceName) {
    $key = Read-WhfbDeviceKey
    if ($key) { return $key }
    $key = Invoke-WhfbEnrollment -DeviceId $DeviceId -DeviceName $DeviceName
    if ($key) { Save-WhfbDeviceKey $key }
    return $key
}

# True once Ingest answered 202 to a post with the device key; a 401 (key revoked or replaced) enrolls again, once a run.
function Send-WhfbReport([string] $Path, [string] $Body, [string] $ContentType) {
    $answer = Send-WhfbRequest -Path $Path -Body $Body -ContentType $ContentType -Key $script:DeviceKey
    if ($answer.Status -eq 401 -and -not $script:Reenrolled) {
        $script:Reenrolled = $true
        Remove-WhfbDeviceKey
        $script:DeviceKey = Get-WhfbDeviceKey -DeviceId $script:DeviceId -DeviceName $script:DeviceName
        if ($script:DeviceKey) { $answer = Send-WhfbRequest -Path $Path -Body $Body -ContentType $ContentType -Key $script:DeviceKey }
    }
    return ($answer.Status -eq 202)
}

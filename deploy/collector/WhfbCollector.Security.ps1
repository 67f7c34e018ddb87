# Where the collector talks to and where it keeps its state: https only (http to loopback for tests and local demos),
# TLS 1.2 on Windows PowerShell 5.1, and a data folder only SYSTEM can open.

$script:TrustedOwners = @('S-1-5-18', 'S-1-5-32-544')   # SYSTEM, BUILTIN\Administrators

# The device key travels in every request: never over plain http to another machine.
function Test-WhfbIngestUrl([string] $Url) {
    $uri = $null
    if (-not [Uri]::TryCreate($Url, [UriKind]::Absolute, [ref]$uri)) { return $false }
    if ($uri.Scheme -eq 'https') { return $true }
    return ($uri.Scheme -eq 'http' -and $uri.IsLoopback)
}

# Windows PowerShell 5.1 (.NET Framework) may still default to TLS 1.0/1.1, which current TLS endpoints refuse.
function Set-WhfbTls12([string] $Edition = $PSVersionTable.PSEdition) {
    if ($Edition -eq 'Core') { return }
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
}

# True when the folder is safe to keep the device key and bookmark in. A missing folder is created with a SYSTEM-only
# ACL. An existing one must be a plain folder owned by SYSTEM, Administrators or whoever runs this (a user who
# pre-created it, or made it a junction, could read or swap what we write: refused); extra access rules are removed.
function Initialize-WhfbDataFolder([string] $Path) {
    if (-not (Test-Path -LiteralPath $Path)) { New-WhfbSecureFolder $Path }
    $security = Get-WhfbFolderSecurity $Path
    if ($security.IsReparsePoint) {
        Write-Warning "$Path is a junction or link; delete it (as an administrator) so the collector can create its folder"
        return $false
    }
    if (($script:TrustedOwners + @(Get-WhfbCurrentSid)) -notcontains $security.Owner) {
        Write-Warning "$Path is owned by $($security.Owner), not SYSTEM or Administrators: someone else created it. Delete it so the collector can create its own"
        return $false
    }
    if (@($security.Rules | Where-Object { $_.Identity -ne 'S-1-5-18' -or $_.Type -ne 'Allow' }).Count -gt 0) {
        Write-Verbose "$Path grants access beyond SYSTEM: resetting its ACL"
        Set-WhfbSystemOnlyAcl $Path
    }
    return $true
}

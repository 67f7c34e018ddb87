# Every call that only exists on Windows, behind a function of ours (tests Mock these).

$script:SystemSid = 'S-1-5-18'

function Get-WhfbRegistrationEvents([long] $AfterRecordId) {
    $filter = "*[System[EventRecordID > $AfterRecordId]]"
    try { Get-WinEvent -LogName $script:RegistrationChannel -FilterXPath $filter -ErrorAction Stop }
    catch [System.Exception] { if ($_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') { throw } }
}

function Invoke-WhfbDsregcmd {
    (& "$env:SystemRoot\System32\dsregcmd.exe" /status) -join "`r`n"
}

function Get-WhfbDeviceName { $env:COMPUTERNAME }

function Get-WhfbUserSids {
    (Get-ChildItem -Path 'Registry::HKEY_USERS' -ErrorAction SilentlyContinue | Where-Object { $_.PSChildName -match '^S-1-(5-21|12-1)-' }).PSChildName
}

# The values of a registry key and its sub-keys as nested hashtables; $null when the key does not exist.
function Read-WhfbRegistryKey([string] $Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return $null }
    $values = @{}
    $item = Get-Item -LiteralPath $Path
    foreach ($name in $item.GetValueNames()) { $values[$name] = $item.GetValue($name) }
    foreach ($child in Get-ChildItem -LiteralPath $Path) { $values[$child.PSChildName] = Read-WhfbRegistryKey $child.PSPath }
    $values
}

# Full control for SYSTEM alone, not inherited from ProgramData (where every user may create folders and files).
function New-WhfbSystemOnlySecurity {
    $security = New-Object System.Security.AccessControl.DirectorySecurity
    $system = New-Object System.Security.Principal.SecurityIdentifier $script:SystemSid
    $security.SetAccessRuleProtection($true, $false)
    $security.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($system, 'FullControl', 'ContainerInherit, ObjectInherit', 'None', 'Allow')))
    $security
}

# Creates the folder with that ACL in the same call, so there is no moment a user could open it.
function New-WhfbSecureFolder([string] $Path) {
    $security = New-WhfbSystemOnlySecurity
    if ($PSVersionTable.PSEdition -eq 'Core') { [void][System.IO.FileSystemAclExtensions]::CreateDirectory($security, $Path) }
    else { [void][System.IO.Directory]::CreateDirectory($Path, $security) }
}

function Set-WhfbSystemOnlyAcl([string] $Path) {
    Set-Acl -LiteralPath $Path -AclObject (New-WhfbSystemOnlySecurity)
}

function Get-WhfbCurrentSid { [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value }

# Owner, access rules (as SIDs) and whether the path is a junction or link, for Initialize-WhfbDataFolder to judge.
function Get-WhfbFolderSecurity([string] $Path) {
    $item = Get-Item -LiteralPath $Path -Force
    $acl = Get-Acl -LiteralPath $Path
    $sid = [System.Security.Principal.SecurityIdentifier]
    @{
        Owner          = $acl.GetOwner($sid).Value
        Rules          = @(foreach ($rule in $acl.GetAccessRules($true, $true, $sid)) { @{ Identity = $rule.IdentityReference.Value; Type = [string]$rule.AccessControlType } })
        IsReparsePoint = [bool]($item.Attributes -band [System.IO.FileAttributes]::ReparsePoint)
    }
}

# DPAPI, machine scope: the stored key is useless copied off this machine; the folder's ACL keeps other users out.
function Initialize-WhfbProtectedData {
    foreach ($assembly in 'System.Security', 'System.Security.Cryptography.ProtectedData') {
        try { Add-Type -AssemblyName $assembly -ErrorAction Stop } catch { Write-Verbose "$assembly not loaded: $_" }
    }
}

function Protect-WhfbSecret([string] $Secret) {
    Initialize-WhfbProtectedData
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($Secret)
    [Convert]::ToBase64String([System.Security.Cryptography.ProtectedData]::Protect($bytes, $null, [System.Security.Cryptography.DataProtectionScope]::LocalMachine))
}

function Unprotect-WhfbSecret([string] $Protected) {
    Initialize-WhfbProtectedData
    $bytes = [System.Security.Cryptography.ProtectedData]::Unprotect([Convert]::FromBase64String($Protected), $null, [System.Security.Cryptography.DataProtectionScope]::LocalMachine)
    [System.Text.Encoding]::UTF8.GetString($bytes)
}

# Every call that only exists on Windows, behind a function of ours (tests Mock these).

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

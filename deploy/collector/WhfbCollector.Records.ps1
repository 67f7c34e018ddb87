# Pure functions: what the collector sends, built from what Windows returns.

function Get-WhfbDeviceId([string] $DsregcmdStatus) {
    if ($DsregcmdStatus -match '(?m)^\s*DeviceId\s*:\s*\{?([0-9a-fA-F-]{36})\}?\s*$') { return $Matches[1].ToLowerInvariant() }
    return $null
}

# EventData name/value pairs from the event's XML (Get-WinEvent's ToXml()).
function Get-WhfbEventData($WinEvent) {
    $xml = if ($WinEvent.PSObject.Methods['ToXml']) { $WinEvent.ToXml() } else { $WinEvent.Xml }
    if (-not $xml) { return @() }
    $doc = [xml]$xml
    @(foreach ($data in $doc.Event.EventData.Data) {
        if ($data -is [string]) { @{ name = ''; value = $data } }
        else { @{ name = [string]$data.Name; value = [string]$data.'#text' } }
    })
}

function ConvertTo-WhfbEventRecord($WinEvent, [string] $DeviceId, [string] $DeviceName) {
    [ordered]@{
        deviceId    = $DeviceId
        deviceName  = $DeviceName
        userSid     = if ($WinEvent.UserId) { [string]$WinEvent.UserId } else { $null }
        channel     = [string]$WinEvent.LogName
        eventId     = [int]$WinEvent.Id
        recordId    = [long]$WinEvent.RecordId
        timeCreated = ([datetime]$WinEvent.TimeCreated).ToUniversalTime().ToString('o')
        level       = [string]$WinEvent.LevelDisplayName
        provider    = [string]$WinEvent.ProviderName
        eventData   = @(Get-WhfbEventData $WinEvent)
        message     = [string]$WinEvent.Message
    }
}

function Get-WhfbPolicyState([string] $DeviceId) {
    $users = @{}
    foreach ($sid in @(Get-WhfbUserSids)) {
        if (-not $sid) { continue }
        $values = Read-WhfbRegistryKey "Registry::HKEY_USERS\$sid\SOFTWARE\Policies\Microsoft\PassportForWork"
        if ($values) { $users[$sid] = $values }
    }
    [ordered]@{
        deviceId    = $DeviceId
        collectedAt = (Get-Date).ToUniversalTime().ToString('o')
        gpo         = Read-WhfbRegistryKey $script:GpoPath
        userGpo     = $users
        mdm         = Read-WhfbRegistryKey $script:MdmPath
    }
}

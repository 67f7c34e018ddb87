# Writes Get-WinEvent-like records through ConvertTo-Json as an administrator's script would, at each -Depth, as the
# objects themselves and through `Select-Object *, @{n='deviceId';…}`, into $OutDir (one file per variant). Linux has
# no Get-WinEvent: the records are .NET objects with EventLogRecord's public properties and types (EventProperty and
# SecurityIdentifier mirrored where the real ones only exist on Windows), so ConvertTo-Json meets what it meets there.
param([Parameter(Mandatory)] [string] $OutDir, [Parameter(Mandatory)] [datetime] $TimeCreated, [string] $DeviceId)
$ErrorActionPreference = 'Stop'
$WarningPreference = 'SilentlyContinue'
$types = Add-Type -PassThru -TypeDefinition @'
// EventProperty is only a stub on Linux (no settable Value): this one has the same full name, so ToString() is the same.
namespace System.Diagnostics.Eventing.Reader
{
    public sealed class EventProperty
    {
        public EventProperty(object value) { Value = value; }
        public object Value { get; private set; }
    }
}
namespace Whfb.Shapes
{
    using System;
    using System.Collections.Generic;

    // System.Security.Principal.SecurityIdentifier throws on Linux: this mirrors its public properties and ToString.
    public sealed class SecurityIdentifier
    {
        public SecurityIdentifier(string value) { Value = value; }
        public int BinaryLength { get { return 8 + 4 * (Value.Split('-').Length - 3); } }
        public SecurityIdentifier AccountDomainSid
        {
            get
            {
                var parts = Value.Split('-');
                if (parts.Length < 7 || parts[2] != "5" || parts[3] != "21") return null;
                return new SecurityIdentifier(string.Join("-", parts, 0, 7));
            }
        }
        public string Value { get; private set; }
        public override string ToString() { return Value; }
    }
    public sealed class EventLogRecord
    {
        public int Id { get; set; }
        public byte? Version { get; set; }
        public int? Qualifiers { get; set; }
        public byte? Level { get; set; }
        public int? Task { get; set; }
        public short? Opcode { get; set; }
        public long? Keywords { get; set; }
        public long? RecordId { get; set; }
        public string ProviderName { get; set; }
        public Guid? ProviderId { get; set; }
        public string LogName { get; set; }
        public int? ProcessId { get; set; }
        public int? ThreadId { get; set; }
        public string MachineName { get; set; }
        public SecurityIdentifier UserId { get; set; }
        public DateTime? TimeCreated { get; set; }
        public Guid? ActivityId { get; set; }
        public Guid? RelatedActivityId { get; set; }
        public string ContainerLog { get; set; }
        public IList<int> MatchedQueryIds { get; set; }
        public string LevelDisplayName { get; set; }
        public string OpcodeDisplayName { get; set; }
        public string TaskDisplayName { get; set; }
        public IEnumerable<string> KeywordsDisplayNames { get; set; }
        public IList<object> Properties { get; set; }
        public string Message { get; set; }
    }
}
'@

$propertyType = $types | Where-Object Name -eq 'EventProperty'

function New-Record([int] $Id, [long] $RecordId, [byte] $Level, [string] $LevelName, [object[]] $Values, [string] $Message) {
    $e = [Whfb.Shapes.EventLogRecord]::new()
    $e.Id = $Id; $e.Version = 0; $e.Level = $Level; $e.Task = 0; $e.Opcode = 0; $e.Keywords = [long]::MinValue
    $e.RecordId = $RecordId; $e.ProviderName = 'Microsoft-Windows-User Device Registration'
    $e.ProviderId = [guid]'23b8d46b-67dd-40a3-b636-d43e50552c6d'; $e.LogName = 'Microsoft-Windows-User Device Registration/Admin'
    $e.ProcessId = 1234; $e.ThreadId = 5678; $e.MachineName = 'LT-CONTOSO-0142.contoso.com'
    $e.UserId = [Whfb.Shapes.SecurityIdentifier]::new('S-1-5-21-1004336348-1177238915-682003330-1105')
    $e.TimeCreated = $TimeCreated.ToLocalTime()
    $e.ContainerLog = $e.LogName; $e.MatchedQueryIds = [int[]]@()
    $e.LevelDisplayName = $LevelName; $e.OpcodeDisplayName = 'Info'; $e.KeywordsDisplayNames = [string[]]@()
    $e.Properties = [System.Collections.Generic.List[object]]::new()
    foreach ($v in $Values) { $e.Properties.Add($propertyType::new($v)) }
    $e.Message = $Message
    $e
}

$records = @(
    New-Record 358 4101 4 'Information' @('Yes', 'Yes', 'Yes', 'Yes', 'No', 'Yes', 'No', 'none') (@(
        'Windows Hello for Business provisioning will not be launched.',
        'Device is AAD joined ( AADJ or DJ++ ): Yes', 'User has logged on with AAD credentials: Yes',
        'Windows Hello for Business policy is enabled: Yes', 'Windows Hello for Business post-logon provisioning is enabled: Yes',
        'Local computer meets Windows hello for business hardware requirements: No',
        'User is not connected to the machine via Remote Desktop: Yes', 'User certificate for on premise auth policy is enabled: No',
        'Machine is governed by none policy.', 'See https://go.microsoft.com/fwlink/?linkid=832647 for more details.') -join "`r`n")
    New-Record 300 4102 4 'Information' @('{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}', 'ada@whfb.test', 'ATT_TPM') (
        "The Microsoft Passport key was successfully registered with Azure AD.`r`n`r`nKey ID: {0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}`r`nUPN: ada@whfb.test`r`nAttestation: ATT_TPM")
    New-Record 301 4103 2 'Error' @([int]-2145844243, [int]-2145844243, 'AADSTS50076') (
        "The Microsoft Passport key could not be registered with Azure AD.`r`n`r`nExit code: Unknown HResult Error code: 0x801c03ed`r`nServer error: AADSTS50076")
)

foreach ($depth in 1..5) {
    $objects = $records | ForEach-Object { $_ | Add-Member -NotePropertyName deviceId -NotePropertyValue $DeviceId -Force -PassThru }
    $objects | ConvertTo-Json -Depth $depth | Set-Content -LiteralPath (Join-Path $OutDir "object-depth$depth.json") -Encoding utf8
    $selected = $records | Select-Object -ExcludeProperty deviceId -Property *, @{ n = 'deviceId'; e = { $DeviceId } }
    $selected | ConvertTo-Json -Depth $depth | Set-Content -LiteralPath (Join-Path $OutDir "select-depth$depth.json") -Encoding utf8
    # one record per line, as a collector posting NDJSON would write them
    ($selected | ForEach-Object { $_ | ConvertTo-Json -Depth $depth -Compress }) -join "`n" |
        Set-Content -LiteralPath (Join-Path $OutDir "select-depth$depth.ndjson") -Encoding utf8
}

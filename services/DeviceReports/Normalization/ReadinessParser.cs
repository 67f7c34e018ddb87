using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Normalization;

/// <summary>Events 358/360/361/362: the prerequisite check, from EventData first and the rendered lines second.</summary>
internal sealed class ReadinessParser
{
    private readonly PrerequisiteState?[] _states = new PrerequisiteState?[PrerequisiteNames.Count];
    // Lines and fields this version does not know are kept, each name once and at most MaxExtraValues of them, so a
    // message of a million junk lines costs its length and not a list that size.
    private const int MaxExtraValues = 200;
    private readonly List<ReportedValue> _extra = [];
    private readonly HashSet<string> _extraNames = new(StringComparer.OrdinalIgnoreCase);
    private string? _policySource;
    private bool? _ready;

    public static ProvisioningReadinessReported Parse(DeviceEventHeader header, CollectorRecord record)
    {
        var parser = new ReadinessParser();
        foreach (var (name, value) in record.EventData)
            parser.AddEventData(name, value);
        foreach (var line in (record.Message ?? "").AsSpan().EnumerateLines())
            parser.AddLine(line.Trim());
        return parser.Build(header, record.EventId);
    }

    private void AddEventData(string name, string value)
    {
        if (name.Equals("MachinePolicySource", StringComparison.OrdinalIgnoreCase))
            _policySource ??= NullIfBlank(value);
        else if (name.Equals("Message", StringComparison.OrdinalIgnoreCase))
            _ready ??= ReadyFrom(value);
        else if (!PrerequisiteNames.TryFromEventData(name, out var key) || !Set(key, value))
            AddExtra(name, value);
    }

    private void AddLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line.StartsWith("See http", StringComparison.OrdinalIgnoreCase))
            return;
        if (line.Contains("provisioning will", StringComparison.OrdinalIgnoreCase))
        {
            _ready ??= ReadyFrom(line.ToString());
            return;
        }

        if (line.StartsWith("Machine is governed by", StringComparison.OrdinalIgnoreCase))
        {
            _policySource ??= PolicySourceOf(line["Machine is governed by".Length..]);
            return;
        }

        // The first colon after the phrase (or, for a line this version does not know, the first colon) ends the
        // label: a value keeps its own colons.
        var known = PrerequisiteNames.TryFromLine(line, out var key, out var phraseLength);
        var colon = line[phraseLength..].IndexOf(':');
        colon = colon < 0 ? -1 : colon + phraseLength;
        var name = colon < 0 ? line : line[..colon].Trim();
        var value = colon < 0 ? [] : line[(colon + 1)..].Trim();
        if (!known || !Set(key, value))
            AddExtra(name.ToString(), value.ToString());
    }

    private bool Set(Prerequisite key, ReadOnlySpan<char> value)
    {
        if (PrerequisiteNames.ParseState(value) is not { } state)
            return false;
        _states[(int)key] ??= state;
        return true;
    }

    private void AddExtra(string name, string value)
    {
        if (_extra.Count < MaxExtraValues && _extraNames.Add(name))
            _extra.Add(new ReportedValue(name, value));
    }

    private ProvisioningReadinessReported Build(DeviceEventHeader header, int eventId)
    {
        PrerequisiteState? S(Prerequisite key) => _states[(int)key];
        var prerequisites = new ProvisioningPrerequisites(
            S(Prerequisite.DeviceIsJoined), S(Prerequisite.AadPrt), S(Prerequisite.NgcPolicyEnabled),
            S(Prerequisite.PostLogonProvisioningEnabled), S(Prerequisite.HardwarePolicyMet), S(Prerequisite.UserIsNotRemote),
            S(Prerequisite.LogonCertRequired), S(Prerequisite.CloudTrustEnabled), S(Prerequisite.HasCloudTgt),
            S(Prerequisite.MdmCertEnrollmentReady), S(Prerequisite.AdfsRaReady), S(Prerequisite.RaTemplateReady),
            S(Prerequisite.AdfsPrtPresent));
        var ready = _ready ?? eventId switch
        {
            358 => true,
            360 => false,
            _ => !Array.Exists(_states, state => state == PrerequisiteState.No),
        };
        return new ProvisioningReadinessReported(header, ready, prerequisites, _policySource, _extra);
    }

    private static bool? ReadyFrom(string text) =>
        text.Contains("will not be launched", StringComparison.OrdinalIgnoreCase) ? false
        : text.Contains("will be launched", StringComparison.OrdinalIgnoreCase) ? true
        : null;

    private static string? PolicySourceOf(ReadOnlySpan<char> rest)
    {
        rest = rest.Trim().TrimEnd('.').TrimEnd();
        if (rest.EndsWith(" policy", StringComparison.OrdinalIgnoreCase))
            rest = rest[..^" policy".Length];
        return NullIfBlank(rest.Trim().ToString());
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

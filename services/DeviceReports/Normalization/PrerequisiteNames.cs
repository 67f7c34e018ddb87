using System.Collections.Frozen;
using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Normalization;

internal enum Prerequisite
{
    DeviceIsJoined, AadPrt, NgcPolicyEnabled, PostLogonProvisioningEnabled, HardwarePolicyMet, UserIsNotRemote,
    LogonCertRequired, CloudTrustEnabled, HasCloudTgt, MdmCertEnrollmentReady, AdfsRaReady, RaTemplateReady, AdfsPrtPresent,
}

/// <summary>
/// How events 358/360/361/362 name each prerequisite: EventData field names, and the phrases
/// that start the rendered lines. The EventData value of <c>UserIsRemote</c> is the value the
/// message shows after "User is not connected to the machine via Remote Desktop" (Windows
/// substitutes the data value into that line), so it maps to <see cref="Prerequisite.UserIsNotRemote"/>
/// as is. The cloud-trust field names and the 361/362 phrases are not confirmed by a primary
/// source: unrecognised names are kept as extra values, so nothing is lost if they differ.
/// </summary>
internal static class PrerequisiteNames
{
    public const int Count = (int)Prerequisite.AdfsPrtPresent + 1;

    private static readonly FrozenDictionary<string, Prerequisite> EventData = new Dictionary<string, Prerequisite>
    {
        ["DeviceIsJoined"] = Prerequisite.DeviceIsJoined,
        ["AADPrt"] = Prerequisite.AadPrt,
        ["NgcPolicyEnabled"] = Prerequisite.NgcPolicyEnabled,
        ["NgcPostLogonProvisioningEnabled"] = Prerequisite.PostLogonProvisioningEnabled,
        ["NgcHardwarePolicyMet"] = Prerequisite.HardwarePolicyMet,
        ["UserIsRemote"] = Prerequisite.UserIsNotRemote,
        ["LogonCertRequired"] = Prerequisite.LogonCertRequired,
        ["CloudTrustEnabled"] = Prerequisite.CloudTrustEnabled,
        ["NgcCloudTrustEnabled"] = Prerequisite.CloudTrustEnabled,
        ["HasCloudTgt"] = Prerequisite.HasCloudTgt,
        ["CloudTgtPresent"] = Prerequisite.HasCloudTgt,
        ["MDMCertEnrollmentReady"] = Prerequisite.MdmCertEnrollmentReady,
        ["ADFSRaReady"] = Prerequisite.AdfsRaReady,
        ["RATemplateReady"] = Prerequisite.RaTemplateReady,
        ["ADFSPrtPresent"] = Prerequisite.AdfsPrtPresent,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly (string Phrase, Prerequisite Key)[] Phrases =
    [
        ("Device is AAD joined", Prerequisite.DeviceIsJoined),
        ("Device is Azure AD joined", Prerequisite.DeviceIsJoined),
        ("Device is Microsoft Entra joined", Prerequisite.DeviceIsJoined),
        ("User has logged on with AAD credentials", Prerequisite.AadPrt),
        ("User has logged on with Azure AD credentials", Prerequisite.AadPrt),
        ("User has logged on with Microsoft Entra credentials", Prerequisite.AadPrt),
        ("Windows Hello for Business policy is enabled", Prerequisite.NgcPolicyEnabled),
        ("Windows Hello for Business post-logon provisioning is enabled", Prerequisite.PostLogonProvisioningEnabled),
        ("Local computer meets Windows hello for business hardware requirements", Prerequisite.HardwarePolicyMet),
        ("User is not connected to the machine via Remote Desktop", Prerequisite.UserIsNotRemote),
        ("User certificate for on premise auth policy is enabled", Prerequisite.LogonCertRequired),
        ("Cloud trust for on premise auth policy is enabled", Prerequisite.CloudTrustEnabled),
        ("User account has Cloud TGT", Prerequisite.HasCloudTgt),
        ("MDM certificate enrollment is ready", Prerequisite.MdmCertEnrollmentReady),
        ("Enterprise user logon certificate enrollment endpoint is ready", Prerequisite.AdfsRaReady),
        ("Enterprise user logon certificate template is", Prerequisite.RaTemplateReady),
        ("User has successfully authenticated to the enterprise STS", Prerequisite.AdfsPrtPresent),
    ];

    public static bool TryFromEventData(string name, out Prerequisite key) => EventData.TryGetValue(name, out key);

    /// <summary>The prerequisite a rendered line starts with, and the length of its phrase (0 when none).</summary>
    public static bool TryFromLine(ReadOnlySpan<char> line, out Prerequisite key, out int phraseLength)
    {
        foreach (var (phrase, candidate) in Phrases)
        {
            if (line.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                (key, phraseLength) = (candidate, phrase.Length);
                return true;
            }
        }

        (key, phraseLength) = (default, 0);
        return false;
    }

    /// <summary>Yes / No / Not Tested (any case, also true/false/1/0); null for anything else.</summary>
    public static PrerequisiteState? ParseState(ReadOnlySpan<char> value)
    {
        value = value.Trim().TrimEnd('.');
        if (value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "1")
            return PrerequisiteState.Yes;
        if (value.Equals("no", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value is "0")
            return PrerequisiteState.No;
        if (value.Equals("not tested", StringComparison.OrdinalIgnoreCase) || value.Equals("nottested", StringComparison.OrdinalIgnoreCase)
            || value.Equals("not_tested", StringComparison.OrdinalIgnoreCase))
            return PrerequisiteState.NotTested;
        return null;
    }
}

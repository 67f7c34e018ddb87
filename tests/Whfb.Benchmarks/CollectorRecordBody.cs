using Whfb.DeviceReports.Normalization;

namespace Whfb.Benchmarks;

/// <summary>One collector record as the PowerShell collector posts it, cycling through the Device Registration event ids.</summary>
internal static class CollectorRecordBody
{
    private static readonly int[] EventIds = [358, 360, 300, 301, 304, 346, 306];

    public static object Create(Guid device, long recordId, DateTimeOffset at, string deviceName, string upn) => new
    {
        deviceId = device,
        deviceName,
        user = new { upn },
        channel = DeviceEventNormalizer.DeviceRegistrationChannel,
        eventId = EventIds[recordId % EventIds.Length],
        recordId,
        timeCreated = at,
        level = "Information",
        provider = "Microsoft-Windows-User Device Registration",
        eventData = new Dictionary<string, string> { ["KeyId"] = "{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}", ["UPN"] = upn, ["DeviceIsJoined"] = "Yes" },
        message = "Windows Hello for Business provisioning will be launched.\nDevice is AAD joined ( AADJ or DJ++ ): Yes",
    };
}

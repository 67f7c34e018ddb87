namespace Whfb.Ingest.Tests;

/// <summary>The recorded samples, moved to a time Ingest accepts or to another device.</summary>
internal static class Samples
{
    /// <summary>An event XML sample dated yesterday (the samples keep the day they were written).</summary>
    public static string RecentXml(string relative) =>
        CollectorBodies.Sample(relative).Replace("2025-05-20T", $"{DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-dd}T", StringComparison.Ordinal);

    /// <summary>A dsregcmd or policy-state sample of <paramref name="device"/> instead of the sample's device, collected recently.</summary>
    public static string Naming(string relative, Guid device) =>
        CollectorBodies.RecentPolicyState(relative).Replace(DeviceKeyTests.SampleDevice, device.ToString(), StringComparison.OrdinalIgnoreCase);
}

namespace Whfb.Contracts.Devices;

/// <summary>A name/value pair a device reported that has no typed field (kept, never dropped).</summary>
public sealed record ReportedValue(string Name, string Value);

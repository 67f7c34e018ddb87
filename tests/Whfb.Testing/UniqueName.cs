namespace Whfb.Testing;

internal static class UniqueName
{
    /// <summary>A lower-case name safe for databases and virtual hosts: prefix plus 12 random hex characters.</summary>
    public static string For(string prefix) => $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

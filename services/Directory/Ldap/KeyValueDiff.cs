namespace Whfb.Directory.Ldap;

/// <summary>
/// Added and removed values of one user. Values are compared by their binary part (case-insensitive hex),
/// so renaming the user (which rewrites the owner DN of every value) is not reported as a change.
/// </summary>
public static class KeyValueDiff
{
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) Compute(
        IReadOnlyCollection<string> previous, IReadOnlyCollection<string> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        if (previous.Count == 0)
        {
            return (current.ToArray(), []);
        }

        var before = previous.Select(BinaryPart).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var after = current.Select(BinaryPart).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (
            current.Where(v => !before.Contains(BinaryPart(v))).ToArray(),
            previous.Where(v => !after.Contains(BinaryPart(v))).ToArray());
    }

    /// <summary>The <c>B:n:HEX</c> prefix of a DN-Binary value, or the whole value when it has no such shape.</summary>
    public static string BinaryPart(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = value.IndexOf(':', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf(':', first + 1);
        var third = second < 0 ? -1 : value.IndexOf(':', second + 1);
        return third < 0 ? value : value[..third];
    }
}

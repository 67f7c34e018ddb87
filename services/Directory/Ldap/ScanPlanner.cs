namespace Whfb.Directory.Ldap;

/// <summary>Decides full or incremental from the cursors and the DC's current state.</summary>
internal static class ScanPlanner
{
    public const string FullFilter = "(msDS-KeyCredentialLink=*)";

    public static (ScanMode Mode, string? Reason, string Filter) Plan(KeyScanRequest request, DirectoryServerState state)
    {
        var reason = FullScanReason(request, state, out var cursor);
        if (reason is not null || cursor is null)
        {
            return (ScanMode.Full, reason, FullFilter);
        }

        // Users, not only users with values: a user whose last key was removed must be seen too.
        return (ScanMode.Incremental, null, $"(&(objectClass=user)(uSNChanged>={cursor.HighestCommittedUsn + 1}))");
    }

    private static string? FullScanReason(KeyScanRequest request, DirectoryServerState state, out ScanCursor? cursor)
    {
        cursor = request.Cursors.FirstOrDefault(
            c => string.Equals(c.DsServiceName, state.DsServiceName, StringComparison.OrdinalIgnoreCase));
        if (request.ForceFull)
        {
            return "full scan requested";
        }

        if (cursor is null)
        {
            return request.Cursors.Count == 0 ? "no cursor yet" : $"no cursor for DC {state.DsServiceName}";
        }

        if (cursor.InvocationId is { } before && state.InvocationId is { } now && before != now)
        {
            return $"DC invocation id changed from {before} to {now} (restored or rebuilt)";
        }

        return cursor.HighestCommittedUsn > state.HighestCommittedUsn
            ? $"DC highestCommittedUSN {state.HighestCommittedUsn} is below the cursor's {cursor.HighestCommittedUsn}"
            : null;
    }
}

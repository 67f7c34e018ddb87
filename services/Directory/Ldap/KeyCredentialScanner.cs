using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>
/// Reads msDS-KeyCredentialLink from AD: a paged full scan, or an incremental scan from a per-DC
/// uSNChanged cursor, handing each page to the caller before reading the next (memory stays bounded).
/// One scanner holds one connection and runs one scan at a time.
/// </summary>
public sealed class KeyCredentialScanner : IDisposable
{
    private readonly LdapDirectoryOptions _options;
    private readonly LdapSession _session;
    private readonly TimeProvider _time;

    public KeyCredentialScanner(LdapDirectoryOptions options, TimeProvider? timeProvider = null)
        : this(options, LdapSession.For(options), timeProvider)
    {
    }

    internal KeyCredentialScanner(LdapDirectoryOptions options, LdapSession session, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        _options = options;
        _session = session;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The domain controller of the open connection; null before the first request and after a failure.</summary>
    public Uri? Server => _session.Server;

    /// <summary>Domain controllers skipped, unreachable, when the open connection was made (failover).</summary>
    public IReadOnlyList<ServerFailure> SkippedServers => _session.Skipped;

    /// <summary>The DC's identity and high-water mark now.</summary>
    public Task<DirectoryServerState> ReadServerStateAsync(CancellationToken cancellationToken = default) =>
        ServerStateReader.ReadAsync(_session, cancellationToken);

    /// <summary>
    /// Scans every base DN. Incremental when a cursor of this DC (same dsServiceName and invocationId)
    /// is given, full otherwise. Persist the returned cursor after all pages were handled. A scan stays on the DC it
    /// started on: when a lost connection fails over to another one, the scan fails (<see cref="DirectoryUnavailableException"/>)
    /// before handing over a page of the other DC, so a cursor of one DC never covers pages read from another.
    /// </summary>
    public async Task<KeyScanSummary> ScanAsync(
        KeyScanRequest request,
        Func<KeyScanPage, CancellationToken, ValueTask> onPage,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onPage);
        var started = _time.GetTimestamp();
        var reconnectsBefore = _session.Reconnects;
        var state = await ReadServerStateAsync(cancellationToken);
        var server = _session.Server;
        var (mode, reason, filter) = ScanPlanner.Plan(request, state);
        var run = new ScanRun(request, mode);
        foreach (var baseDn in _options.BaseDns)
        {
            var search = new SearchRequest(baseDn, filter, SearchScope.Subtree, LdapAttributes.UserScan)
            {
                TimeLimit = _options.Timeout,
            };
            run.Pages += await PagedSearch.RunAsync(
                _session,
                search,
                _options.PageSize,
                async (entries, number) =>
                {
                    EnsureSameServer(server);
                    await onPage(run.ToPage(baseDn, number, entries), cancellationToken);
                },
                cancellationToken);
        }

        if (mode == ScanMode.Full)
        {
            await ProbeUnseenHoldersAsync(run, request.MaxSmellProbes, cancellationToken);
        }

        EnsureSameServer(server);
        return run.Summarize(state.ToCursor(), reason, _session.Reconnects - reconnectsBefore, _time.GetElapsedTime(started));
    }

    /// <summary>
    /// Reads users by their anchors (base searches <c>&lt;GUID=…&gt;</c>, then <c>&lt;SID=…&gt;</c>) with the scan's attributes
    /// (keys, adminCount, objectSid, …), wherever they are in the domain: at most <paramref name="maxLookups"/> anchors,
    /// the rest come back as not looked up. Errors other than NoSuchObject are thrown.
    /// </summary>
    public Task<UserLookupResult> LookUpUsersAsync(
        IReadOnlyCollection<UserAnchor> anchors, int maxLookups, CancellationToken cancellationToken = default) =>
        UserLookup.RunAsync(_session, anchors, maxLookups, cancellationToken);

    public void Dispose() => _session.Dispose();

    private void EnsureSameServer(Uri? server)
    {
        if (_session.Server != server)
        {
            throw new DirectoryUnavailableException(
                $"The scan started on {server} continued on {_session.Server} after a lost connection; it is dropped and starts over");
        }
    }

    /// <summary>A full scan only returns holders with values: read the missing known holders one by one.</summary>
    private async Task ProbeUnseenHoldersAsync(ScanRun run, int limit, CancellationToken cancellationToken)
    {
        foreach (var guid in run.UnseenKnownHolders().Take(limit).ToArray())
        {
            // No such object: deleted or moved out of the domain, nothing to say about permissions.
            if (await UserLookup.ReadAsync(_session, new UserAnchor(guid, null), cancellationToken) is { Values.Count: 0 } user)
            {
                run.AddSmell(run.NoValuesSmell(guid, user.DistinguishedName, user.AdminCount));
            }
        }
    }
}

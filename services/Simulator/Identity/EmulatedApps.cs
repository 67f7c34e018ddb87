using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph;
using Whfb.Simulator.Graph.Permissions;

namespace Whfb.Simulator.Identity;

/// <summary>
/// The tenant's app registrations and the application permissions an admin consented to for each. Consent can change
/// while the emulator runs (tests, <c>/admin/apps</c>); as in Entra, a change reaches the app with its next token.
/// </summary>
public sealed class EmulatedApps
{
    private readonly ConcurrentDictionary<string, (EmulatedApp App, IReadOnlySet<string> Roles)> _apps = new(StringComparer.OrdinalIgnoreCase);

    public EmulatedApps(IOptions<GraphEmulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var app in options.Value.Apps)
        {
            _apps[app.ClientId] = (app, app.Permissions is null
                ? RoutePermissions.All
                : app.Permissions.Where(p => !string.IsNullOrWhiteSpace(p)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }
    }

    public EmulatedApp? Find(string clientId) => _apps.TryGetValue(clientId, out var entry) ? entry.App : null;

    /// <summary>The permissions a token issued now carries (its <c>roles</c>); empty for an unknown app.</summary>
    public IReadOnlySet<string> Roles(string clientId) =>
        _apps.TryGetValue(clientId, out var entry) ? entry.Roles : new HashSet<string>();

    /// <summary>Consents to exactly these permissions for the app (replacing what it had).</summary>
    public void Consent(string clientId, IEnumerable<string> permissions)
    {
        var app = Find(clientId) ?? throw new ArgumentException($"No app {clientId} is registered.", nameof(clientId));
        _apps[clientId] = (app, permissions.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    public void Revoke(string clientId, params string[] permissions) => Consent(clientId, Roles(clientId).Except(permissions));

    public void Grant(string clientId, params string[] permissions) => Consent(clientId, Roles(clientId).Union(permissions));
}

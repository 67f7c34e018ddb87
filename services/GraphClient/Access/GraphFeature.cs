namespace Whfb.GraphClient.Access;

/// <summary>
/// Something a service does through Graph, and what its app needs for it: one of <see cref="AcceptedPermissions"/>
/// (least privileged first, as Microsoft's API reference lists them) and, for some features, a licence of the tenant.
/// </summary>
/// <param name="Service">The service whose app calls Graph for it (SyncTracker, Policy).</param>
/// <param name="Name">Kebab-case name used in health, metrics and alert episodes (<c>key-inventory</c>).</param>
/// <param name="Purpose">What stops when it is missing, for an operator.</param>
/// <param name="Licence">A tenant licence the feature needs besides the permission, if any.</param>
public sealed record GraphFeature(string Service, string Name, string Purpose, IReadOnlyList<string> AcceptedPermissions, string? Licence = null)
{
    public string LeastPrivileged => AcceptedPermissions[0];

    public bool AdmittedBy(IEnumerable<string> roles) => roles.Any(r => AcceptedPermissions.Contains(r, StringComparer.OrdinalIgnoreCase));

    public override string ToString() => $"{Service}: {Name}";
}

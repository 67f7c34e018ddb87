namespace Whfb.Policy.Model;

/// <summary>
/// A Graph feature that Graph refuses this service (a permission or licence missing), open from <see cref="Since"/> until
/// the feature works again. Kept in the database so that a restart neither announces it again nor forgets to close it.
/// </summary>
public sealed class GraphAccessEpisode
{
    /// <summary>The feature's name (<c>ring-users</c>), one episode per feature.</summary>
    public required string Feature { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>"Permission" or "Licence".</summary>
    public required string Kind { get; set; }

    public required string Code { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset Since { get; set; }
}

namespace Whfb.Simulator.Graph.Permissions;

/// <summary>Which service's 403 a route answers: Graph's workloads word a missing permission differently.</summary>
public enum DeniedStyle
{
    /// <summary>The route checks nothing itself: <c>$batch</c>, whose steps are each checked as a request of their own.</summary>
    None,

    /// <summary>Directory objects: <c>Authorization_RequestDenied</c>, "Insufficient privileges to complete the operation."</summary>
    Directory,

    /// <summary>Identity reports: <c>Authentication_MSGraphPermissionMissing</c> naming the permission.</summary>
    Reports,

    /// <summary>Intune: <c>Forbidden</c> with Intune's JSON-in-a-string message listing the scopes it accepts.</summary>
    Intune,

    /// <summary>The route takes no application permission at all (app-only access not supported).</summary>
    NotSupportedForApps,
}

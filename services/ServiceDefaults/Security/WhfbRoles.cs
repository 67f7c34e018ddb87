namespace Whfb.ServiceDefaults.Security;

/// <summary>Roles and claim types shared by every service's API.</summary>
public static class WhfbRoles
{
    /// <summary>Reads: analytics, key states, rollout status.</summary>
    public const string Operator = "operator";

    /// <summary>Writes that change what devices do (rollouts, webhooks, collector keys); implies operator.</summary>
    public const string Admin = "admin";

    public const string TenantClaim = "tid";
    public const string RoleClaim = "roles";

    /// <summary>Authorization policy names.</summary>
    public const string OperatorPolicy = "whfb-operator";
    public const string AdminPolicy = "whfb-admin";
}

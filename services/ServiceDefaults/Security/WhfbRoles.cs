namespace Whfb.ServiceDefaults.Security;

/// <summary>Roles and claim types shared by every service's API.</summary>
public static class WhfbRoles
{
    /// <summary>Reads: analytics, key states, rollout status.</summary>
    public const string Operator = "operator";

    /// <summary>Writes that change what devices do (rollouts, webhooks, collector keys); implies operator.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// The role claim values that grant <see cref="Operator"/> and <see cref="Admin"/>: the app roles to define on the
    /// API's Entra app registration, exactly these (a bare "admin" that another app of the tenant may define is not ours).
    /// </summary>
    public const string OperatorRole = "Whfb.Operator";
    public const string AdminRole = "Whfb.Admin";

    public const string TenantClaim = "tid";
    public const string RoleClaim = "roles";

    /// <summary>Authorization policy names.</summary>
    public const string OperatorPolicy = "whfb-operator";
    public const string AdminPolicy = "whfb-admin";
}

namespace Whfb.ServiceDefaults.Security;

/// <summary>
/// Bound from the "Auth" section. API keys are stored as SHA-256 hashes only (create one with
/// <c>whfb apikey new</c>); put them in environment variables or a secret store, never in appsettings files.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();
}

/// <param name="Sha256">Lower-case hex SHA-256 of the key's UTF-8 text.</param>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public Guid TenantId { get; set; }
    public string Role { get; set; } = WhfbRoles.Operator;
    public string Sha256 { get; set; } = "";
}

/// <summary>A JWT bearer issuer (e.g. Entra ID): tenant from the <c>tid</c> claim, roles from <c>roles</c>.</summary>
public sealed class JwtOptions
{
    public string? Authority { get; set; }
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    /// <summary>Symmetric signing key (base64), for development issuers without a metadata endpoint.</summary>
    public string? SigningKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>
    /// What makes JWT bearers unsafe to accept, by setting name: with either left out, any token the authority signs for
    /// any app of any tenant would pass, so both are required whenever JWT is on.
    /// </summary>
    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return "Auth:Jwt:Issuer is required when JWT bearers are accepted (e.g. https://login.microsoftonline.com/<tenant>/v2.0).";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return "Auth:Jwt:Audience is required when JWT bearers are accepted (the API's app id URI or client id).";
        }
    }
}

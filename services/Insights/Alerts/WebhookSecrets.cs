using Microsoft.AspNetCore.DataProtection;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Webhook signing secrets and URLs as stored: encrypted with ASP.NET Core Data Protection (its key ring lives in this database,
/// <see cref="DataProtectionKeys"/>, so every replica decrypts), marked with a version prefix; a value stored before
/// encryption existed is read as it is until <see cref="WebhookSecretUpgrade"/> encrypts it.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private const string Prefix = "dp1:";
    private readonly IDataProtector protector = provider.CreateProtector("Whfb.Insights.WebhookSecret.v1");

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string secret) => Prefix + protector.Protect(secret);

    public string Reveal(string stored) => IsProtected(stored) ? protector.Unprotect(stored[Prefix.Length..]) : stored;
}

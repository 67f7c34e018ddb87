using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph.Reports;

/// <summary>
/// The registration report as Entra serves it: a snapshot taken periodically, not live ("not updated in real-time and may
/// reflect a latency of up to a few hours", howto-authentication-methods-activity), so a key registered after the snapshot
/// shows up only in the next one; and without disabled users ("This method doesn't work for disabled users",
/// authenticationmethodsroot-list-userregistrationdetails). The first request takes the first snapshot; one older than
/// <see cref="GraphEmulatorOptions.RegistrationReportRefresh"/> is taken again.
/// </summary>
public sealed class RegistrationSnapshot(TenantDirectory directory, HelloMethodStore methods, IOptions<GraphEmulatorOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private (DateTimeOffset TakenAt, IReadOnlyList<JsonObject> Rows)? _current;

    /// <summary>The rows of the snapshot in force now (callers clone what they hand out).</summary>
    public IReadOnlyList<JsonObject> Rows()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_current is not { } current || now - current.TakenAt >= options.Value.RegistrationReportRefresh)
            {
                current = (now, [.. directory.Users().Where(u => u.AccountEnabled).Select(u => Details(u, now))]);
                _current = current;
            }

            return current.Rows;
        }
    }

    private JsonObject Details(TenantUser user, DateTimeOffset takenAt)
    {
        var registered = methods.ForUser(user.Id).Count > 0;
        return new JsonObject
        {
            ["id"] = user.Id,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["userDisplayName"] = user.DisplayName,
            ["userType"] = "member",
            ["isAdmin"] = false,
            ["isMfaCapable"] = registered,
            ["isMfaRegistered"] = registered,
            ["isPasswordlessCapable"] = registered,
            ["isSsprCapable"] = false,
            ["isSsprEnabled"] = false,
            ["isSsprRegistered"] = false,
            ["defaultMfaMethod"] = registered ? "windowsHelloForBusiness" : "none",
            ["methodsRegistered"] = registered ? new JsonArray("windowsHelloForBusiness") : new JsonArray(),
            ["lastUpdatedDateTime"] = takenAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Whfb.Insights.Alerts;

/// <summary>
/// <c>X-Whfb-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}" with the webhook's secret&gt;</c>, with the
/// Unix timestamp in <c>X-Whfb-Timestamp</c> so that receivers can reject replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Whfb-Signature";
    public const string TimestampHeader = "X-Whfb-Timestamp";
    public const string DeliveryHeader = "X-Whfb-Delivery";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}

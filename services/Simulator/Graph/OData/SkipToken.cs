using System.Globalization;
using System.Text;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.OData;

/// <summary>Opaque tokens (paging offsets, delta states) that clients must pass back unchanged.</summary>
public static class SkipToken
{
    public static string Encode(int offset) => Encode("page", offset.ToString(CultureInfo.InvariantCulture));

    public static int Decode(string? token) => string.IsNullOrEmpty(token)
        ? 0
        : int.TryParse(Decode("page", token), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw Invalid();

    public static string Encode(string kind, string payload) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"whfb-{kind}:{payload}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The payload of a token of this kind; 400 for anything else.</summary>
    public static string Decode(string kind, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var prefix = $"whfb-{kind}:";
            return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : throw Invalid();
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    private static GraphQueryException Invalid() => new("Invalid skip token.", "Request_BadRequest");
}

using System.Text;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor;

/// <summary>
/// The application permissions per service and feature, as a Markdown table made from <see cref="GraphFeatures"/> (the
/// list the services and the doctor check against), so the README's copy cannot drift from the code: a test compares them.
/// </summary>
public static class PermissionTable
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| Service | Feature | What stops without it | Least-privileged application permission | Also accepted | Tenant licence |\n");
        text.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var feature in GraphFeatures.All)
        {
            text.Append($"| {feature.Service} | `{feature.Name}` | {Capitalized(feature.Purpose)} | `{feature.LeastPrivileged}` | ")
                .Append(string.Join(", ", feature.AcceptedPermissions.Skip(1).Select(p => $"`{p}`")))
                .Append($" | {feature.Licence ?? ""} |\n");
        }

        return text.ToString();
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

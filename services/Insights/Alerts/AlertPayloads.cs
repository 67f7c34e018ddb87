using System.Text.Json;
using System.Text.Json.Nodes;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Notification bodies: <c>generic</c> JSON (every field), <c>teams</c> (an Office 365 connector MessageCard, which
/// Teams incoming webhooks and workflows accept) and <c>slack</c> (incoming-webhook <c>text</c> plus a coloured attachment),
/// their texts escaped for the chat's markup (<see cref="ChatText"/>).
/// </summary>
public static class AlertPayloads
{
    public static readonly string[] Formats = ["generic", "teams", "slack"];

    public static string Build(DueDelivery d)
    {
        var resolved = d.Event == "resolved";
        var title = (resolved ? "[resolved] " : "") + d.Title;
        JsonNode body = d.Format switch
        {
            "teams" => new JsonObject
            {
                ["@type"] = "MessageCard", ["@context"] = "https://schema.org/extensions", ["summary"] = title,
                ["themeColor"] = resolved ? "2EB886" : "D70000", ["title"] = ChatText.Teams(title), ["text"] = ChatText.Teams(d.Text),
            },
            "slack" => new JsonObject
            {
                ["text"] = ChatText.Slack(title),
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["color"] = resolved ? "good" : "danger", ["title"] = ChatText.Slack(title), ["text"] = ChatText.Slack(d.Text),
                }),
            },
            _ => JsonSerializer.SerializeToNode(new
            {
                alertId = d.AlertId, tenantId = d.TenantId, kind = d.Kind, @event = d.Event, title = d.Title, text = d.Text,
                deviceId = d.DeviceId, openedAt = d.OpenedAt, resolvedAt = d.ResolvedAt, deliveryId = d.Id,
            })!,
        };
        return body.ToJsonString();
    }
}

using System.Text.Json;

namespace Whfb.Insights.Tests.Support;

/// <summary>Reading what a webhook receiver got.</summary>
public static class AlertsHostExtensions
{
    /// <summary>(event, title, text) of every notification received, in order.</summary>
    public static List<(string Event, string Title, string Text)> Notifications(this WebhookReceiver receiver) =>
        [.. receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Select(n =>
            (n.GetProperty("event").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("text").GetString()!))];
}

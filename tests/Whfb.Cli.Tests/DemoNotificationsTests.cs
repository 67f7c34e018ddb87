using System.Text.Json;
using Whfb.Cli.Commands;
using Xunit;

namespace Whfb.Cli.Tests;

/// <summary>The demo summary judges alert noise by the notifications sent, against one per root cause.</summary>
public sealed class DemoNotificationsTests
{
    [Fact]
    public void Key_sync_notifications_are_counted_against_keys_with_a_cause_of_their_own_and_pipeline_episodes()
    {
        var data = new DemoData
        {
            StuckKeys = [Json("""{"hints":["UserOutOfSyncScope"]}"""), Json("""{"hints":["PassedOverByExport","PipelineBacklog"]}"""), Json("""{"hints":["PipelineStalled"]}""")],
            Alerts = [Json("""{"kind":"sync-backlog","text":"Entra Connect is exporting 200 keys per cycle"}""")],
            Notifications =
            [
                Json("""{"kind":"key-stuck","event":"opened","status":"delivered","count":1}"""),
                Json("""{"kind":"key-stuck","event":"opened","status":"pending","count":1}"""),
                Json("""{"kind":"key-stuck","event":"opened","status":"withheld","count":7}"""),
                Json("""{"kind":"sync-backlog","event":"opened","status":"delivered","count":1}"""),
                Json("""{"kind":"sync-backlog","event":"resolved","status":"delivered","count":1}"""),
                Json("""{"kind":"gpo-conflict","event":"opened","status":"delivered","count":6}"""),
            ],
        };

        var text = DemoReport.Format(data);

        Assert.Contains("key sync: 4 notifications sent or due; goal <= 9 (2 keys stuck for a reason of their own + opened and resolved of 1 pipeline episodes + 5): met", text, StringComparison.Ordinal);
        Assert.Contains("Entra Connect is exporting 200 keys per cycle", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_per_key_of_a_pipeline_problem_misses_the_goal()
    {
        var data = new DemoData
        {
            Notifications = [Json("""{"kind":"key-stuck","event":"opened","status":"delivered","count":40}""")],
        };

        Assert.Contains("goal <= 5 (0 keys stuck for a reason of their own + opened and resolved of 0 pipeline episodes + 5): NOT met", DemoReport.Format(data), StringComparison.Ordinal);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

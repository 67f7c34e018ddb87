using Whfb.Contracts.Keys;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Support;

/// <summary>A small rollout of one tenant: a ring of devices walking the funnel, failures, a stuck and an orphaned key.</summary>
public sealed record Scenario(Guid Tenant, Guid Rollout, Guid[] Devices, Guid[] Users, DateTimeOffset Start)
{
    public static Scenario Create(Guid tenant, DateTimeOffset start, int devices = 4) =>
        new(tenant, Guid.NewGuid(), [.. Enumerable.Range(0, devices).Select(_ => Guid.NewGuid())],
            [.. Enumerable.Range(0, devices).Select(_ => Guid.NewGuid())], start);

    /// <summary>All devices assigned; all but the last pass prerequisites (the last fails hardware); half register; one syncs, one is stuck.</summary>
    public object[] Messages()
    {
        var messages = new List<object> { Assigned(Tenant, Rollout, 0, Start, Devices) };
        for (var i = 0; i < Devices.Length; i++)
        {
            messages.Add(Status(Tenant, Devices[i], "contoso.test", Start.AddMinutes(1)));
            messages.Add(Readiness(Tenant, Devices[i], i < Devices.Length - 1, Start.AddHours(1)));
        }

        messages.Add(Registered(Tenant, Devices[0], Users[0], Start.AddHours(2)));
        messages.Add(Registered(Tenant, Devices[1], Users[1], Start.AddHours(2)));
        messages.Add(Failed(Tenant, Devices[2], Start.AddHours(2)));
        messages.Add(Synced(Tenant, Users[0], Devices[0], Start.AddHours(3), TimeSpan.FromMinutes(40)));
        messages.Add(Stuck(Tenant, Users[1], Devices[1], Start.AddHours(6)));
        messages.Add(Orphan(Tenant, Devices[3], Start.AddHours(6)));
        return [.. messages];
    }

    public int HistoryRowsWithDevice => (Devices.Length * 2) + 6;

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd");

    public string Range => $"from={Day(Start.AddDays(-1))}&to={Day(Start.AddDays(1))}";

    public KeySyncStuck StuckMessage => Stuck(Tenant, Users[1], Devices[1], Start.AddHours(6));
}

using System.Net;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>Under the strict profile, per-user WHfB method calls share the identity-reports budget with the report.</summary>
public sealed class StrictProfileTests(StrictEmulatorFixture emulator) : IClassFixture<StrictEmulatorFixture>
{
    [Fact]
    public async Task Method_calls_and_the_report_draw_from_one_budget_while_users_stay_on_the_ordinary_one()
    {
        using var raw = new RawGraph(emulator);
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        var statuses = new List<int>
        {
            (await raw.JsonAsync(HttpMethod.Get, "v1.0/reports/authenticationMethods/userRegistrationDetails")).Status,
            (await raw.JsonAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(1)}/authentication/windowsHelloForBusinessMethods")).Status,
        };
        using var third = await raw.SendAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(2)}/authentication/windowsHelloForBusinessMethods/m002");
        statuses.Add((int)third.StatusCode);
        using var fourth = await raw.SendAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(3)}/authentication/windowsHelloForBusinessMethods");
        statuses.Add((int)fourth.StatusCode);
        var user = await raw.JsonAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(3)}");

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal("1.0", third.Headers.GetValues("x-ms-throttle-limit-percentage").Single());
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)user.Status);
    }

    [Fact]
    public async Task In_a_batch_each_method_step_is_throttled_on_its_own_with_its_own_Retry_After()
    {
        var client = emulator.Client();
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        var batch = new Microsoft.Graph.BatchRequestContentCollection(client);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await batch.AddBatchRequestStepAsync(client.Users[TestTenant.UserId(i)].Authentication.WindowsHelloForBusinessMethods.ToGetRequestInformation()));
        }

        var answer = await client.Batch.PostAsync(batch);
        var steps = new List<HttpResponseMessage>();
        foreach (var id in ids)
        {
            steps.Add((await answer.GetResponseByIdAsync(id))!);
        }

        Assert.Equal([200, 200, 200, 429, 429], steps.Select(s => (int)s.StatusCode));
        Assert.Equal("1.0", steps[2].Headers.GetValues("x-ms-throttle-limit-percentage").Single());
        Assert.False(steps[0].Headers.Contains("x-ms-throttle-limit-percentage"));
        Assert.All(steps[3..], s => Assert.InRange(s.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 2));
        steps.ForEach(s => s.Dispose());
    }
}

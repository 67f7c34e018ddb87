using System.Diagnostics;

namespace Whfb.Simulator.Tests.Graph;

public sealed class ThrottlingTests(ThrottledEmulatorFixture emulator) : IClassFixture<ThrottledEmulatorFixture>
{
    [Fact]
    public async Task Over_budget_is_429_with_Retry_After_and_the_SDK_waits_and_succeeds()
    {
        using var raw = new RawGraph(emulator);
        await WaitForFreshWindowAsync();
        var statuses = new List<int>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await raw.SendAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(i)}");
            statuses.Add((int)response.StatusCode);
            throttled = (int)response.StatusCode == 429 ? response : throttled;
        }

        var clock = Stopwatch.StartNew();
        var user = await emulator.Client().Users[TestTenant.UserId(1)].GetAsync();

        Assert.Equal([200, 200, 200, 200, 429], statuses);
        Assert.InRange(throttled!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 2);
        Assert.True(throttled.Headers.Contains("x-ms-throttle-scope"));
        Assert.Equal(TestTenant.Upn(1), user!.UserPrincipalName);
        Assert.True(clock.Elapsed > TimeSpan.FromMilliseconds(500), $"SDK answered after {clock.Elapsed} without waiting");
    }

    [Fact]
    public async Task Reports_have_their_own_smaller_budget()
    {
        using var raw = new RawGraph(emulator);
        await WaitForFreshWindowAsync();
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await raw.JsonAsync(HttpMethod.Get, "beta/reports/authenticationMethods/userRegistrationDetails?$top=1")).Status);
        }

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task Ordinary_answers_carry_the_share_of_the_budget_used_once_it_passes_0_8()
    {
        using var raw = new RawGraph(emulator);
        await WaitForFreshWindowAsync();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await raw.SendAsync(HttpMethod.Get, $"v1.0/users/{TestTenant.UserId(i)}"));
        }

        Assert.All(answers, a => Assert.Equal(200, (int)a.StatusCode));
        Assert.All(answers[..3], a => Assert.False(a.Headers.Contains("x-ms-throttle-limit-percentage")));
        Assert.Equal("1.0", answers[3].Headers.GetValues("x-ms-throttle-limit-percentage").Single());
        answers.ForEach(a => a.Dispose());
    }

    private static Task WaitForFreshWindowAsync() => Task.Delay(TimeSpan.FromSeconds(2.1));
}

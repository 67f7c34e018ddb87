using Whfb.Policy.Extensions;
using Whfb.Testing;
using Xunit;

namespace Whfb.Policy.Tests.Settings;

public sealed class PolicyOptionsTests
{
    [Theory]
    [InlineData("Policy:GateInterval", "00:00:00")]
    [InlineData("Policy:GateActor", " ")]
    [InlineData("Policy:RefusedAuditMaxKinds", "0")]
    public Task An_invalid_setting_stops_the_start_naming_it(string setting, string value) =>
        OptionsAtStart.RefusesAsync(b => b.AddPolicyOptions(), setting, value);
}

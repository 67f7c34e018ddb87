using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>The shared <see cref="GraphEmulator"/> seeded with <see cref="TestTenant"/>.</summary>
public class GraphEmulatorFixture : GraphEmulator
{
    protected override void Seed(TenantDirectory directory, HelloMethodStore methods) => TestTenant.Seed(directory, methods);
}

using System.Reflection;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Whfb.Testing.Messaging;

/// <summary>
/// Holds a service's explicit consumer list to its assembly: a consumer class nobody listed would compile, pass its
/// unit tests and never receive a message, because no queue is bound for it.
/// </summary>
public static class ConsumerRegistrations
{
    /// <summary>Every concrete consumer in <paramref name="serviceAssembly"/>, batch consumers included (they implement IConsumer too).</summary>
    public static IReadOnlyList<Type> DeclaredIn(Assembly serviceAssembly) =>
        [.. serviceAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>The consumers MassTransit holds after <paramref name="register"/> ran on a bus, as the service's host would run it.</summary>
    public static IReadOnlyList<Type> RegisteredBy(Action<IBusRegistrationConfigurator> register)
    {
        var services = new ServiceCollection();
        services.AddMassTransit(register);
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetServices<IConsumerRegistration>().Select(r => r.Type).OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    /// <summary>Fails naming each consumer of the assembly that <paramref name="register"/> leaves out.</summary>
    public static void AssertAllRegistered(Assembly serviceAssembly, Action<IBusRegistrationConfigurator> register)
    {
        var registered = RegisteredBy(register);
        var missing = DeclaredIn(serviceAssembly).Except(registered).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0,
            $"Consumers in {serviceAssembly.GetName().Name} that the service does not register, so no queue feeds them: {string.Join(", ", missing)}");
    }
}

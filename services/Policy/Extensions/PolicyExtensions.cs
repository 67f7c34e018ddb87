using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Whfb.Policy.Access;
using Whfb.Policy.Audit;
using Whfb.Policy.Consumers;
using Whfb.Policy.Gates;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Intune;
using Whfb.Policy.Rollouts;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Extensions;

public static class PolicyExtensions
{
    public static IHostApplicationBuilder AddPolicy(this IHostApplicationBuilder builder)
    {
        builder.AddPolicyOptions();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        builder.AddDatabase<PolicyDbContext>();
        builder.AddWhfbAuthentication();
        builder.Services.AddSingleton<RefusedRequestTally>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusedWriteAuditor>();
        builder.Services.AddHostedService<RefusedAuditFlusher>();

        // Intune through Graph; every Graph call lands in this service's audit log, every refused feature in one episode.
        builder.AddIntune();
        builder.Services.AddSingleton<IGraphAuditLog, GraphAuditLog>();
        builder.Services.AddGraphAccess();

        builder.Services.AddScoped<RingAssigner>();
        builder.Services.AddScoped<RolloutTransitions>();
        builder.Services.AddScoped<RolloutActions>();
        builder.Services.AddScoped<Apis.RolloutApiTransaction>();
        builder.Services.AddScoped<GateRunner>();
        builder.Services.AddScoped<OutcomeRecorder>();
        builder.Services.AddSingleton<OutcomeWriteGate>();
        builder.Services.AddSingleton<GateEvaluationService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GateEvaluationService>());

        // One consumer per telemetry message (Ingest's lifecycle events, SyncTracker's key events), listed in PolicyConsumers.
        builder.AddMessaging(bus => bus.AddPolicyConsumers());
        return builder;
    }

    /// <summary>The <c>Policy</c> section, checked when the host starts: a wrong setting stops it, naming the setting.</summary>
    public static IHostApplicationBuilder AddPolicyOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PolicyOptions>().Bind(builder.Configuration.GetSection(PolicyOptions.Section))
            .Validate(o => o.GateInterval > TimeSpan.Zero, "Policy:GateInterval must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.GateActor), "Policy:GateActor is required")
            .Validate(o => o.RefusedAuditWindow > TimeSpan.Zero, "Policy:RefusedAuditWindow must be positive")
            .Validate(o => o.RefusedAuditMaxKinds >= 1, "Policy:RefusedAuditMaxKinds must be at least 1").ValidateOnStart();
        return builder;
    }
}

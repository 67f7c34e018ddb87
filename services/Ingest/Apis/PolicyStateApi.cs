using Microsoft.Extensions.Options;
using Whfb.DeviceReports.Policy;
using Whfb.DeviceReports.Records;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary><c>POST /v1/policy-state</c>: the device's PassportForWork registry values (GPO and MDM paths) as JSON.</summary>
public static class PolicyStateApi
{
    internal static async Task<IResult> AcceptAsync(
        HttpContext http, ConfirmedPublisher publisher, TimeProvider time, CollectorRecordReaderOptions limits, IOptions<IngestOptions> options)
    {
        if (await RequestBody.ReadAsync(http, options.Value.MaxBodyBytes) is not { } body)
            return IngestResults.BodyTooLarge(options.Value.MaxBodyBytes);

        var read = PolicyStateReader.Read(body);
        if (read.State is not { } state)
            return IngestResults.Invalid("Invalid policy state", [RejectedInput.From(read.Error!)]);
        if (ReportTime.Problem(state.CollectedAt, time, limits) is { } timeProblem)
            return IngestResults.Invalid("collectedAt", timeProblem);

        var reported = PolicyStateEvaluator.Evaluate(http.User.RequiredTenantId(), state);
        if (!await publisher.TryPublishAllAsync([reported], http.RequestAborted))
            return IngestResults.BrokerUnavailable(http, options.Value.BrokerRetryAfterSeconds);

        return Results.Accepted(value: new AcceptedPolicy(reported.EventId, reported.DeviceId, reported.EffectiveSource.ToString(), reported.GpoOverridesMdm));
    }

    private sealed record AcceptedPolicy(Guid EventId, Guid DeviceId, string EffectiveSource, bool GpoOverridesMdm);
}

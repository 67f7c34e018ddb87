using Microsoft.Extensions.Options;
using Whfb.DeviceReports.Policy;
using Whfb.DeviceReports.Records;
using Whfb.Ingest.Publishing;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary><c>POST /v1/policy-state</c>: the device's PassportForWork registry values (GPO and MDM paths) as JSON.</summary>
public static class PolicyStateApi
{
    internal static async Task<IResult> AcceptAsync(
        HttpContext http, ConfirmedPublisher publisher, TimeProvider time, CollectorRecordReaderOptions limits, IOptions<IngestOptions> options)
    {
        PolicyStateReadResult read;
        using (var body = await RequestBody.ReadAsync(http, options.Value.MaxBodyBytes))
        {
            if (body is null)
                return IngestResults.BodyTooLarge(options.Value.MaxBodyBytes);
            read = PolicyStateReader.Read(body.Memory);
        }

        if (read.State is not { } state)
            return IngestResults.Invalid("Invalid policy state", [RejectedInput.From(read.Error!)]);
        if (DeviceScope.Check(DeviceScope.Of(http), state.DeviceId, RejectedInput.Whole("deviceId")) is { } forbidden)
            return forbidden;
        if (ReportTime.Problem(state.CollectedAt, time, limits) is { } timeProblem)
            return IngestResults.Invalid("collectedAt", timeProblem);

        var tenant = http.User.RequiredTenantId();
        var reported = PolicyStateEvaluator.Evaluate(tenant, state);
        if (await Publication.PublishAsync(http, publisher, options.Value, tenant, [reported], _ => RejectedInput.Whole("body")) is { } failed)
            return failed;

        return Results.Accepted(value: new AcceptedPolicy(reported.EventId, reported.DeviceId, reported.EffectiveSource.ToString(), reported.GpoOverridesMdm));
    }

    private sealed record AcceptedPolicy(Guid EventId, Guid DeviceId, string EffectiveSource, bool GpoOverridesMdm);
}

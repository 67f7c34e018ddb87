namespace Whfb.DeviceReports.Records;

/// <summary>Every result of one request body, in input order.</summary>
public sealed record CollectorBatch(IReadOnlyList<RecordReadResult> Results)
{
    /// <summary>True when the body held more records than allowed (the API answers 413).</summary>
    public bool LimitExceeded => Results.Count > 0 && Results[^1].Status == RecordReadStatus.LimitExceeded;

    public IEnumerable<CollectorRecord> ValidRecords => Results.Where(r => r.IsValid).Select(r => r.Record!);

    public IEnumerable<RecordReadResult> Errors => Results.Where(r => !r.IsValid);
}

using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

/// <summary>One rejected record (or document) as the API reports it: where it is, which field, and why.</summary>
public sealed record RejectedInput(int Line, int Index, string? Field, string Path, string Kind, string Reason)
{
    public static RejectedInput From(RecordReadResult result) =>
        From(result.Error!, result.Line, result.Index);

    public static RejectedInput From(RecordReadError error, int line = 1, int index = 0) =>
        new(line, index, error.Field, error.Path, error.Kind.ToString(), error.Reason);

    /// <summary>Where a valid record is, naming <paramref name="field"/>, for a refusal the reader could not know of.</summary>
    public static RejectedInput Of(RecordReadResult result, string field) =>
        new(result.Line, result.Index, field, field == "record" ? "$" : "$." + field, "", "");

    /// <summary>The whole body (or a field of it) of a request that carries one report.</summary>
    public static RejectedInput Whole(string field) => new(1, 0, field, field == "body" ? "$" : "$." + field, "", "");

    public override string ToString() => $"line {Line}, field {Field ?? "(record)"}: {Reason}";
}

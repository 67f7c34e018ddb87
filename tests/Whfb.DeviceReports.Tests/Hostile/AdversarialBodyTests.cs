using System.Text;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;
using Xunit.Abstractions;
using Whfb.Testing;

namespace Whfb.DeviceReports.Tests.Hostile;

/// <summary>
/// Bodies built to make a parser do more than linear work, at the 10 MB request limit: each must be read within a
/// ceiling of CPU time far above the linear cost and far below the quadratic one (minutes to hours).
/// </summary>
public class AdversarialBodyTests(ITestOutputHelper output)
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(3);

    // Hundreds of thousands of malformed items, each an exception: linear, but far more than Ingest's 10,000 records.
    private static readonly TimeSpan UnlimitedCeiling = TimeSpan.FromSeconds(10);
    private static readonly CollectorRecordReaderOptions Unlimited = new() { MaxRecords = int.MaxValue };

    [Fact]
    public void Ndjson_lines_that_each_open_an_unterminated_comment_stop_at_the_record_limit_at_once()
    {
        var body = Repeat("{\"deviceId\": /* never closed\n", TenMegabytes);

        var (results, elapsed) = Time(() => Samples.Reader().Read(body).ToList());

        Assert.Equal(RecordErrorKind.LimitExceeded, results[^1].Error!.Kind);
        Assert.All(results[..^1], r => Assert.Equal(RecordErrorKind.MalformedJson, r.Error!.Kind));
        Assert.True(elapsed < Ceiling, $"{elapsed.TotalMilliseconds:N0} ms for {body.Length:N0} bytes");
    }

    [Fact]
    public void Without_a_record_limit_every_line_of_unterminated_comments_is_still_read_in_linear_time()
    {
        var body = Repeat("{\"deviceId\": /* never closed\n", TenMegabytes);

        var (results, elapsed) = Time(() => Samples.Reader(Unlimited).Read(body).ToList());

        Assert.Equal(body.Count((byte)'\n'), results.Count);
        Assert.All(results, r => Assert.Contains("line " + r.Line + ",", r.Error!.Reason, StringComparison.Ordinal));
        Assert.True(elapsed < UnlimitedCeiling, $"{elapsed.TotalMilliseconds:N0} ms for {body.Length:N0} bytes");
    }

    [Fact]
    public void Ndjson_long_lines_that_each_open_a_bracket_are_read_in_linear_time()
    {
        // Each line opens an array the next lines keep open: an item runs on until the nesting limit, so every line
        // is read again by the few items that started just before it, never by all of them.
        byte[] body = [.. "{}\n"u8, .. Repeat("[" + string.Concat(Enumerable.Repeat("0,", 1000)) + "\n", TenMegabytes - 3)];

        var (results, elapsed) = Time(() => Samples.Reader().Read(body).ToList());

        Assert.Equal(body.Count((byte)'\n'), results.Count);
        Assert.All(results[1..], r => Assert.Equal(RecordErrorKind.MalformedJson, r.Error!.Kind));
        Assert.Contains("maximum configured depth", results[1].Error!.Reason, StringComparison.Ordinal);
        Assert.True(elapsed < Ceiling, $"{elapsed.TotalMilliseconds:N0} ms for {body.Length:N0} bytes");
    }

    [Fact]
    public void Dsregcmd_continuation_lines_are_joined_in_linear_time()
    {
        var text = "+----+\n| Device State |\n+----+\n  DeviceName : PC\n" + Encoding.UTF8.GetString(Repeat("      more\n", TenMegabytes));

        var (status, elapsed) = Time(() => DsregcmdParser.Parse(text));

        var value = status.Field("Device State", "DeviceName")!;
        Assert.StartsWith("PC\nmore\nmore", value, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => c == '\n') - 3, value.Count(c => c == '\n') + 1);
        Assert.True(elapsed < Ceiling, $"{elapsed.TotalMilliseconds:N0} ms for {text.Length:N0} characters");
    }

    [Fact]
    public void Dsregcmd_text_of_unknown_lines_keeps_a_bounded_number_of_them()
    {
        var text = Encoding.UTF8.GetString(Repeat("?\n", TenMegabytes));

        var (status, elapsed) = Time(() => DsregcmdParser.Parse(text));

        Assert.InRange(status.UnknownLines.Count, 1, DsregcmdParser.MaxKeptLines);
        Assert.InRange(status.Warnings.Count, 1, DsregcmdParser.MaxKeptLines + 1);
        Assert.Contains(status.Warnings, w => w.Message.Contains("not kept", StringComparison.Ordinal));
        Assert.True(elapsed < Ceiling, $"{elapsed.TotalMilliseconds:N0} ms for {text.Length:N0} characters");
    }

    [Theory]
    [InlineData(358, "Unknown line {0}: value\n")]
    [InlineData(300, "Key ID Key ID  UPN UPN {0}\n")]
    [InlineData(301, "   Exit code Error code Server error {0} :\n")]
    public void A_rendered_message_of_ten_megabytes_is_normalized_in_linear_time(int eventId, string lineFormat)
    {
        var message = new StringBuilder();
        for (var i = 0; message.Length < TenMegabytes - 200; i++)
            message.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, lineFormat, i);
        var record = Samples.Record("358-ready.json") with { EventId = eventId, Message = message.ToString(), EventData = new Dictionary<string, string>() };

        var (normalized, elapsed) = Time(() => DeviceEventNormalizer.Normalize(Samples.Tenant, record));

        Assert.NotNull(normalized.Message);
        Assert.True(elapsed < Ceiling, $"{elapsed.TotalMilliseconds:N0} ms for {message.Length:N0} characters");
    }

    private (T Result, TimeSpan Elapsed) Time<T>(Func<T> work)
    {
        var (result, cpu) = ThreadCpu.Measure(work);
        output.WriteLine($"{cpu.TotalMilliseconds:N0} ms CPU");
        return (result, cpu);
    }

    private static byte[] Repeat(string unit, int bytes)
    {
        var one = Encoding.UTF8.GetBytes(unit);
        var body = new byte[bytes / one.Length * one.Length];
        for (var i = 0; i < body.Length; i += one.Length)
            one.CopyTo(body, i);
        return body;
    }
}

using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Policy;

namespace Whfb.DeviceReports.Tests.Properties;

/// <summary>Whatever a collector sends, parsing never throws: it yields results, errors and warnings.</summary>
public class RobustnessProperties
{
    private static readonly byte[][] ValidBodies =
    [
        .. System.IO.Directory.GetFiles(Samples.PathOf("Events")).Select(File.ReadAllBytes),
        Samples.Bytes("Reader/mixed.ndjson"),
        Samples.Bytes("Reader/array.json"),
    ];

    private static readonly string[] DsregcmdTexts =
        System.IO.Directory.GetFiles(Samples.PathOf("Dsregcmd")).Select(File.ReadAllText).ToArray();

    private static readonly byte[][] PolicyBodies =
        System.IO.Directory.GetFiles(Samples.PathOf("Policy")).Select(File.ReadAllBytes).ToArray();

    [Property(MaxTest = 1000)]
    public void Random_bytes_never_throw(NonNull<byte[]> bytes)
    {
        ReadAndNormalize(bytes.Get);
        ReadAndNormalize([(byte)'[', .. bytes.Get]);
        DsregcmdParser.Parse(Encoding.UTF8.GetString(bytes.Get));
        PolicyStateReader.Read(bytes.Get);
    }

    [Property(MaxTest = 1000)]
    public void Mutated_valid_bodies_never_throw(PositiveInt which, NonNull<int[]> positions, NonNull<byte[]> values, int cut)
    {
        var body = Mutate(ValidBodies[which.Get % ValidBodies.Length], positions.Get, values.Get, cut);

        ReadAndNormalize(body);
    }

    [Property(MaxTest = 500)]
    public void Mutated_policy_documents_never_throw(PositiveInt which, NonNull<int[]> positions, NonNull<byte[]> values, int cut)
    {
        var body = Mutate(PolicyBodies[which.Get % PolicyBodies.Length], positions.Get, values.Get, cut);

        var read = PolicyStateReader.Read(body);
        if (read.State is { } state)
            PolicyStateEvaluator.Evaluate(Samples.Tenant, state);
    }

    [Property(MaxTest = 1000)]
    public void Mutated_dsregcmd_texts_never_throw(PositiveInt which, NonNull<int[]> positions, NonNull<string> inserted, int cut)
    {
        var text = DsregcmdTexts[which.Get % DsregcmdTexts.Length];
        var builder = new StringBuilder(text);
        foreach (var position in positions.Get)
        {
            var at = (int)((uint)position % (uint)(builder.Length + 1));
            builder.Insert(at, inserted.Get);
        }

        var mutated = builder.ToString();
        mutated = mutated[..(int)((uint)cut % (uint)(mutated.Length + 1))];

        var status = DsregcmdParser.Parse(mutated);
        DeviceStatusMapper.ToReported(status, Samples.Tenant, null, Samples.Now);
        System.Text.Json.JsonSerializer.Serialize(status, Json.DeviceReportsJson.Options);
    }

    [Property(MaxTest = 300)]
    public void Arbitrary_messages_never_throw_for_any_known_event_id(NonNull<string> message, byte which)
    {
        int[] ids = [300, 301, 304, 305, 307, 308, 346, 358, 360, 361, 362];
        var record = Samples.Record("358-ready.json") with
        {
            EventId = ids[which % ids.Length],
            Message = message.Get,
            EventData = new Dictionary<string, string> { ["ErrorCode"] = message.Get, ["KeyId"] = message.Get, ["Message"] = message.Get },
        };

        DeviceEventNormalizer.Normalize(Samples.Tenant, record);
    }

    private static void ReadAndNormalize(byte[] body)
    {
        foreach (var result in Samples.Reader().Read(body))
        {
            if (result.Record is { } record)
                DeviceEventNormalizer.Normalize(Samples.Tenant, record);
        }
    }

    private static byte[] Mutate(byte[] original, int[] positions, byte[] values, int cut)
    {
        var bytes = (byte[])original.Clone();
        for (var i = 0; i < positions.Length && values.Length > 0; i++)
            bytes[(int)((uint)positions[i] % (uint)bytes.Length)] = values[i % values.Length];
        return bytes[..(int)((uint)cut % (uint)(bytes.Length + 1))];
    }
}

using System.Security.Cryptography;
using System.Text;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Policy;
using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Testing.Fuzzing;

/// <summary>
/// Every parser of untrusted input, as a fuzz target: collector records (JSON array and NDJSON), event XML, dsregcmd
/// text, policy state, and msDS-KeyCredentialLink values (the blob and its DN-Binary text). Each runs what Ingest or
/// SyncTracker runs on the input: read, then normalize or evaluate what was valid.
/// </summary>
public static class ParserTargets
{
    private static readonly Guid Tenant = Guid.Parse("72f988bf-86f1-41af-91ab-2d7cd011db47");
    private static readonly Guid Device = Guid.Parse("6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b");
    private static readonly CollectorRecordReaderOptions Anytime = new() { MaxAge = TimeSpan.FromDays(365 * 30) };

    public static IReadOnlyList<FuzzTarget> All() => [Records(), EventXml(), Dsregcmd(), PolicyState(), KeyCredentialLink()];

    public static FuzzTarget Records()
    {
        var reader = new CollectorRecordReader(TimeProvider.System, Anytime);
        return new FuzzTarget("records", [.. Samples("Events"), .. Samples("Reader"), .. Samples("PowerShell51"), .. Samples("LogAnalytics")],
            Tokens("{", "}", "[", "]", "\"", ",", ":", "\n", "\\u0000", "\\ud800", "/*", "null", "\"\\/Date(1)\\/\"", "1e999", "\"eventData\":"),
            body =>
            {
                foreach (var result in reader.Read(body))
                {
                    if (result.Record is { } record)
                        DeviceEventNormalizer.Normalize(Tenant, record);
                }
            },
            [("nesting", n => Repeat("[", n)), ("unterminated comments", n => Repeat("{\"a\": /* x\n", n)), ("long message", n => LongMessage(n))]);
    }

    public static FuzzTarget EventXml()
    {
        var reader = new EventXmlReader(TimeProvider.System, Anytime);
        return new FuzzTarget("event-xml", Samples("Xml"),
            Tokens("<", ">", "</Event>", "<Data Name=\"x\">", "&amp;", "&#0;", "<!DOCTYPE x [<!ENTITY a \"aa\">]>", "<![CDATA[", "]]>", "\n", "\""),
            body =>
            {
                foreach (var result in reader.Read(body, _ => Device))
                {
                    if (result.Record is { } record)
                        DeviceEventNormalizer.Normalize(Tenant, record);
                }
            },
            [("nesting", n => Repeat("<a>", n)), ("many data", n => Encoding.UTF8.GetBytes(
                "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><EventData>" + Text("<Data Name=\"x\">1</Data>", n / 24) + "</EventData></Event>"))]);
    }

    public static FuzzTarget Dsregcmd() => new("dsregcmd", Samples("Dsregcmd"),
        Tokens("+----------------------------------------------------------------------+", "|", " : ", "\n", "\r\n", "                 ", "AzureAdJoined : YES", "\0"),
        body =>
        {
            var status = DsregcmdParser.Parse(Encoding.UTF8.GetString(body));
            DeviceStatusMapper.ToReported(status, Tenant, null, DateTimeOffset.UnixEpoch);
        },
        [("continuation lines", n => Encoding.UTF8.GetBytes("DeviceId : x\n" + Text("                          more\n", n / 31))),
         ("junk lines", n => Repeat("no colon here\n", n))]);

    public static FuzzTarget PolicyState() => new("policy-state", Samples("Policy"),
        Tokens("{", "}", "\"gpo\":", "\"mdm\":", "\"userGpo\":", "\"Policies\":", ":", ",", "1", "\"\\u0000\"", "[]"),
        body =>
        {
            if (PolicyStateReader.Read(body).State is { } state)
                PolicyStateEvaluator.Evaluate(Tenant, state);
        },
        [("nesting", n => Encoding.UTF8.GetBytes("{\"deviceId\":\"" + Device + "\",\"gpo\":" + Text("{\"k\":", n / 5))), ("wide", n => Encoding.UTF8.GetBytes(
            "{\"deviceId\":\"" + Device + "\",\"gpo\":{" + string.Join(',', Enumerable.Range(0, n / 12).Select(i => $"\"v{i}\":1")) + "}}"))]);

    public static FuzzTarget KeyCredentialLink()
    {
        using var rsa = RSA.Create(2048);
        var spec = KeyCredentialSpec.EntraConnect(rsa.ExportRSAPublicKey(), Device, DateTimeOffset.UnixEpoch.AddYears(50));
        var blob = KeyCredentialBuilder.Build(spec);
        var text = Encoding.ASCII.GetBytes(KeyCredentialBuilder.BuildDnBinary(spec, "CN=u,DC=whfb,DC=test"));
        return new FuzzTarget("keycredentiallink", [blob, text], Tokens("B:", ":", "CN=", "00", "FF", "\0\0\0\0"),
            input =>
            {
                KeyCredentialDecoder.TryDecode(input, out _, out _);
                KeyCredentialDecoder.TryDecodeDnBinary(Encoding.Latin1.GetString(input), out _, out _);
            },
            [("entries", n => [0x00, 0x02, 0x00, 0x00, .. Enumerable.Repeat((byte[])[0x01, 0x00, 0x0A, 0x00], n / 4).SelectMany(e => e)])]);
    }

    private static byte[][] Samples(string folder) =>
        [.. System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "Whfb.DeviceReports.Tests", "Samples", folder)).Select(File.ReadAllBytes)];

    private static byte[][] Tokens(params string[] tokens) => [.. tokens.Select(Encoding.UTF8.GetBytes)];

    private static byte[] Repeat(string unit, int bytes) => Encoding.UTF8.GetBytes(Text(unit, bytes / Math.Max(unit.Length, 1)));

    private static string Text(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    private static byte[] LongMessage(int bytes) => Encoding.UTF8.GetBytes(
        $"{{\"deviceId\":\"{Device}\",\"channel\":\"Microsoft-Windows-User Device Registration/Admin\",\"eventId\":358,\"recordId\":1,"
        + $"\"timeCreated\":\"2026-01-01T00:00:00Z\",\"message\":\"{Text("Device is AAD joined ( AADJ or DJ++ ): Yes\\n", bytes / 44)}\"}}");
}

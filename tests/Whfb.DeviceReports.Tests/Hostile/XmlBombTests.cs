using System.Diagnostics;
using System.Text;
using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;
using Whfb.Testing;

namespace Whfb.DeviceReports.Tests.Hostile;

/// <summary>Entity expansion, external entities and deep nesting are refused at once, before any expansion or fetch.</summary>
public class XmlBombTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <Event><System><Channel>&lol9;</Channel></System></Event>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE Event [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <Event><System><Channel>&secret;</Channel></System></Event>
        """;

    [Theory]
    [InlineData(BillionLaughs)]
    [InlineData(ExternalEntity)]
    public void A_DTD_is_refused_within_milliseconds(string xml)
    {
        var watch = Stopwatch.StartNew();
        var result = Assert.Single(new EventXmlReader(new FixedClock(Samples.Now)).Read(Encoding.UTF8.GetBytes(xml), _ => Samples.Device));
        watch.Stop();

        Assert.Equal(RecordErrorKind.MalformedXml, result.Error!.Kind);
        Assert.Contains("DTD", result.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Line);
        Assert.True(watch.ElapsedMilliseconds < 500, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Ten_megabytes_of_nesting_is_refused_at_the_depth_limit()
    {
        var xml = new StringBuilder("<Event><System>");
        while (xml.Length < 10 * 1024 * 1024)
            xml.Append("<a>");

        var (results, cpu) = ThreadCpu.Measure(() => new EventXmlReader(new FixedClock(Samples.Now)).Read(Encoding.UTF8.GetBytes(xml.ToString()), _ => Samples.Device).ToList());

        Assert.Contains("deeper than", Assert.Single(results).Error!.Reason, StringComparison.Ordinal);
        Assert.True(cpu < TimeSpan.FromSeconds(1), $"{cpu.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public void Ten_megabytes_of_text_split_into_cdata_sections_is_read_in_linear_time()
    {
        var xml = new StringBuilder("<Event><System><EventID>300</EventID><TimeCreated SystemTime='2025-05-20T07:00:00Z'/><EventRecordID>1</EventRecordID><Channel>c</Channel></System><RenderingInfo><Message>");
        while (xml.Length < 10 * 1024 * 1024)
            xml.Append("a<![CDATA[b]]>");
        xml.Append("</Message></RenderingInfo></Event>");

        var (results, cpu) = ThreadCpu.Measure(() => new EventXmlReader(new FixedClock(Samples.Now)).Read(Encoding.UTF8.GetBytes(xml.ToString()), _ => Samples.Device).ToList());

        Assert.StartsWith("abab", Assert.Single(results).Record!.Message, StringComparison.Ordinal);
        Assert.True(cpu < TimeSpan.FromSeconds(3), $"{cpu.TotalMilliseconds:N0} ms");
    }
}

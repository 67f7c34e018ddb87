using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;

namespace Whfb.DeviceReports.Tests.Records;

public class CollectorRecordJsonTests
{
    [Theory]
    [InlineData("Xml/rendered-sequence.xml")]
    [InlineData("Xml/wrapper-no-rendering.xml")]
    public void Records_read_from_XML_read_back_the_same_from_the_JSON_written_for_them(string sample)
    {
        var fromXml = new EventXmlReader(new FixedClock(Samples.Now)).Read(Samples.Bytes(sample), _ => Samples.Device)
            .Where(r => r.IsValid).Select(r => r.Record!).ToList();

        var again = Samples.Reader().ReadAll(CollectorRecordJson.Ndjson(fromXml)).Results.Select(r => r.Record!).ToList();

        Assert.NotEmpty(fromXml);
        Assert.Equal(fromXml.Count, again.Count);
        foreach (var (a, b) in fromXml.Zip(again))
        {
            Assert.Equal(a with { EventData = b.EventData }, b);
            Assert.Equal(a.EventData.OrderBy(p => p.Key), b.EventData.OrderBy(p => p.Key));
            Assert.Equal((a.UserSid, a.DeviceFqdn), (b.UserSid, b.DeviceFqdn));
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

/// <summary>POST /v1/events with Windows event XML: one device's export, named by ?deviceId=; bad XML is a 400 naming the event.</summary>
public sealed class XmlEventsApiTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task A_rendered_export_of_one_device_is_published_with_the_users_SID()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(NgcKeyRegistered), typeof(ProvisioningReadinessReported));
        var device = Guid.NewGuid();

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync($"/v1/events?deviceId={device}",
            CollectorBodies.Text(Samples.RecentXml("Xml/rendered-sequence.xml"), "application/xml"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        var header = Assert.Single(await probe.WaitForAsync<NgcKeyRegistered>(1)).GetProperty("header");
        Assert.Equal(device, header.GetProperty("deviceId").GetGuid());
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330-1105", header.GetProperty("userSid").GetString());
        Assert.Equal("LT-CONTOSO-0142", header.GetProperty("deviceName").GetString());
        Assert.True(Assert.Single(await probe.WaitForAsync<ProvisioningReadinessReported>(1)).GetProperty("isReady").GetBoolean());
    }

    [Fact]
    public async Task A_UTF16_text_xml_export_without_rendering_info_is_accepted()
    {
        var xml = Samples.RecentXml("Xml/wrapper-no-rendering.xml").Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal);
        var body = CollectorBodies.Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)], "text/xml");
        body.Headers.ContentType!.CharSet = "utf-16";

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync($"/v1/events?deviceId={Guid.NewGuid()}", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("", "deviceId", 1)]
    [InlineData("?deviceId=PC-0142", "deviceId", 1)]
    public async Task Without_a_device_id_XML_is_a_400_naming_it(string query, string field, int line)
    {
        var body = CollectorBodies.Text(Samples.RecentXml("Xml/rendered-sequence.xml"), "application/xml");
        body.Headers.ContentType!.CharSet = "utf-8";

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events" + query, body);

        var error = await FirstErrorAsync(response);
        Assert.Equal((field, line), (error.GetProperty("field").GetString(), error.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Malformed_XML_is_rejected_at_the_event_and_line_where_it_breaks_and_the_events_before_it_accepted()
    {
        var xml = Samples.RecentXml("Xml/rendered-sequence.xml");
        var cut = xml[..(xml.LastIndexOf("<EventData>", StringComparison.Ordinal) + 20)];

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync($"/v1/events?deviceId={Guid.NewGuid()}",
            CollectorBodies.Text(cut, "application/xml"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rejected = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejected").EnumerateArray());
        Assert.Equal((1, 11, "MalformedXml"), (rejected.GetProperty("index").GetInt32(), rejected.GetProperty("line").GetInt32(), rejected.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task An_entity_bomb_is_a_400_within_milliseconds()
    {
        var laughs = string.Concat(Enumerable.Range(2, 8).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var bomb = $"<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY l1 \"lol\">{laughs}]><Event><System><Channel>&l9;</Channel></System></Event>";
        var collector = await host.CollectorAsync(IngestHost.TenantA);

        var watch = Stopwatch.StartNew();
        var response = await collector.PostAsync($"/v1/events?deviceId={Guid.NewGuid()}", CollectorBodies.Text(bomb, "application/xml"));
        watch.Stop();

        var error = await FirstErrorAsync(response);
        Assert.Equal("MalformedXml", error.GetProperty("kind").GetString());
        Assert.Contains("DTD", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
    }

    private static async Task<JsonElement> FirstErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
    }
}

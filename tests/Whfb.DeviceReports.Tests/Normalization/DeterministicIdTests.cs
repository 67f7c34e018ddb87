using Whfb.Contracts.Ids;
using Whfb.DeviceReports.Normalization;

namespace Whfb.DeviceReports.Tests.Normalization;

public class DeterministicIdTests
{
    private static readonly Guid Dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static readonly Guid Url = Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    private const string Channel = DeviceEventNormalizer.DeviceRegistrationChannel;

    [Fact]
    public void Matches_the_RFC_9562_test_vector()
    {
        Assert.Equal(Guid.Parse("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedIds.Sha1UuidV5(Dns, "www.example.com"));
    }

    [Fact]
    public void Matches_other_well_known_version_5_ids()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") and uuid.uuid5(uuid.NAMESPACE_URL, "http://example.com")
        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedIds.Sha1UuidV5(Dns, "python.org"));
        Assert.Equal(Guid.Parse("8c9ddcb0-8084-5a7f-a988-1095ab18b5df"), NameBasedIds.Sha1UuidV5(Url, "http://example.com"));
    }

    [Fact]
    public void Has_version_5_and_the_rfc_variant()
    {
        var text = NameBasedIds.Sha1UuidV5(DeterministicIds.Namespace, "anything").ToString();

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Same_input_gives_the_same_id()
    {
        Assert.Equal(
            DeterministicIds.ForDeviceEvent(Samples.Tenant, Samples.Device, Channel, 4711),
            DeterministicIds.ForDeviceEvent(Samples.Tenant, Samples.Device, Channel.ToUpperInvariant() + " ", 4711));
    }

    [Fact]
    public void Differs_by_record_id_tenant_device_and_channel()
    {
        var id = DeterministicIds.ForDeviceEvent(Samples.Tenant, Samples.Device, Channel, 4711);

        Assert.NotEqual(id, DeterministicIds.ForDeviceEvent(Samples.Tenant, Samples.Device, Channel, 4712));
        Assert.NotEqual(id, DeterministicIds.ForDeviceEvent(Guid.NewGuid(), Samples.Device, Channel, 4711));
        Assert.NotEqual(id, DeterministicIds.ForDeviceEvent(Samples.Tenant, Guid.NewGuid(), Channel, 4711));
        Assert.NotEqual(id, DeterministicIds.ForDeviceEvent(Samples.Tenant, Samples.Device, "Application", 4711));
    }

    [Fact]
    public void A_typed_event_carries_the_id_of_its_tenant_device_channel_and_record()
    {
        var record = Samples.Record("300-multi-line.json");

        var typed = DeviceEventNormalizer.Normalize(Samples.Tenant, record);

        Assert.Equal(DeterministicIds.ForDeviceEvent(Samples.Tenant, record.DeviceId, record.Channel, record.RecordId), typed.Header.EventId);
        Assert.Equal((record.DeviceId, record.EventId, record.RecordId), (typed.Header.DeviceId, typed.Header.WindowsEventId, typed.Header.RecordId));
    }

    [Fact]
    public void Retried_posts_map_to_identical_event_ids()
    {
        var records = System.IO.Directory.GetFiles(Samples.PathOf("Events")).Select(f => Samples.Record(Path.GetFileName(f))).ToList();

        var first = records.Select(r => DeviceEventNormalizer.Normalize(Samples.Tenant, r).Header.EventId).ToList();
        var retry = records.Select(r => DeviceEventNormalizer.Normalize(Samples.Tenant, r).Header.EventId).ToList();

        Assert.Equal(first, retry);
        Assert.Equal(records.Count, first.Distinct().Count());
    }
}

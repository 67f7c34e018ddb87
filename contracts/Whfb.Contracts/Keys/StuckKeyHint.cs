using System.Text.Json.Serialization;

namespace Whfb.Contracts.Keys;

/// <summary>What the data shows about why a key has not reached AD.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StuckKeyHint>))]
public enum StuckKeyHint
{
    UserNotFoundInAd,
    UserOutOfSyncScope,
    AdminSdHolderProtected,
    AttributeUnreadable,
    PipelineStalled,
}

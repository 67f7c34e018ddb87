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

    /// <summary>Entra Connect is exporting, but more slowly than keys arrive: the key waits its turn in a backlog.</summary>
    PipelineBacklog,

    /// <summary>Entra Connect exported keys created a cycle or more after this one: it was passed over (an export error of its own).</summary>
    PassedOverByExport,
}

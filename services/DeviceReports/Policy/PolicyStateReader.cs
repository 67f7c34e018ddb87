using System.Text.Json;
using System.Text.Unicode;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Policy;

/// <summary>
/// Reads the policy-state document a collector posts (shape in README.md):
/// <c>{"deviceId", "collectedAt", "gpo": {value: data}, "userGpo": {sid: {value: data}}, "mdm": {tenantId: {"Policies": {…}}}}</c>.
/// </summary>
public static class PolicyStateReader
{
    public static PolicyStateReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span))
            return Fail(RecordErrorKind.InvalidUtf8, "$", "The document is not valid UTF-8");
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true });
            return StorableText.Find(utf8.Span, document.RootElement) is { } unstorable
                ? new PolicyStateReadResult(null, unstorable)
                : Read(document.RootElement);
        }
        catch (JsonException error)
        {
            return Fail(RecordErrorKind.MalformedJson, "$", "Malformed JSON: " + error.Message);
        }
    }

    public static PolicyStateReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Fail(RecordErrorKind.NotAnObject, "$", "The policy state must be a JSON object");
        JsonElement deviceId = default, collectedAt = default, gpo = default, userGpo = default, mdm = default;
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name.Equals("deviceId", StringComparison.OrdinalIgnoreCase)) deviceId = p.Value;
            else if (p.Name.Equals("collectedAt", StringComparison.OrdinalIgnoreCase)) collectedAt = p.Value;
            else if (p.Name.Equals("gpo", StringComparison.OrdinalIgnoreCase)) gpo = p.Value;
            else if (p.Name.Equals("userGpo", StringComparison.OrdinalIgnoreCase)) userGpo = p.Value;
            else if (p.Name.Equals("mdm", StringComparison.OrdinalIgnoreCase)) mdm = p.Value;
        }

        if (deviceId.ValueKind != JsonValueKind.String || !JsonValues.TryGuid(deviceId.GetString(), out var device))
            return Fail(JsonValues.IsMissing(deviceId) ? RecordErrorKind.MissingField : RecordErrorKind.InvalidValue, "$.deviceId", "deviceId must be the Entra device GUID");
        if (!JsonValues.TryTime(collectedAt, out var time))
            return Fail(JsonValues.IsMissing(collectedAt) ? RecordErrorKind.MissingField : RecordErrorKind.InvalidValue, "$.collectedAt", "collectedAt must be an ISO 8601 time");
        foreach (var (value, path) in new[] { (gpo, "$.gpo"), (userGpo, "$.userGpo"), (mdm, "$.mdm") })
        {
            if (!JsonValues.IsMissing(value) && value.ValueKind != JsonValueKind.Object)
                return Fail(RecordErrorKind.WrongType, path, $"{path[2..]} must be an object of registry values");
        }

        var values = new List<PolicySettingValue>();
        RegistryValues.Add(values, gpo, PolicyScope.ComputerGpo, null);
        if (userGpo.ValueKind == JsonValueKind.Object)
        {
            foreach (var user in userGpo.EnumerateObject())
                RegistryValues.Add(values, user.Value, PolicyScope.UserGpo, user.Name);
        }

        if (mdm.ValueKind == JsonValueKind.Object)
        {
            foreach (var tenant in mdm.EnumerateObject())
                RegistryValues.AddMdmTenant(values, tenant.Name, tenant.Value);
        }

        return new PolicyStateReadResult(new PolicyStateInput(device, time, values), null);
    }

    private static PolicyStateReadResult Fail(RecordErrorKind kind, string path, string reason) =>
        new(null, new RecordReadError(kind, path, path == "$" ? null : path[2..], reason));
}

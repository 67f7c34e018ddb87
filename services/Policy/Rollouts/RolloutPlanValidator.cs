using Whfb.Policy.Model;

namespace Whfb.Policy.Rollouts;

/// <summary>Checks a plan and turns it into a draft rollout; the first field at fault is reported.</summary>
public static class RolloutPlanValidator
{
    public const int MaxRings = 20;
    public const int MaxNameLength = 200;
    private static readonly TimeSpan MaxSoak = TimeSpan.FromDays(30);

    public static FieldProblem? Problem(RolloutPlanRequest plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (NameProblem("name", plan.Name) is { } name)
        {
            return name;
        }

        if (plan.Mode is null)
        {
            return new("mode", "Required: settingsCatalog or customOmaUri");
        }

        if (SettingsProblem(plan.Settings) is { } settings)
        {
            return settings;
        }

        if (plan.Rings is not { Count: > 0 and <= MaxRings } rings)
        {
            return new("rings", $"Give 1 to {MaxRings} rings");
        }

        for (var i = 0; i < rings.Count; i++)
        {
            if (RingProblem($"rings[{i}]", rings[i]) is { } ring)
            {
                return ring;
            }

            if (rings.Take(i).Any(r => r!.GroupId == rings[i]!.GroupId))
            {
                return new($"rings[{i}].groupId", "Each ring needs a group of its own");
            }
        }

        return null;
    }

    /// <summary>The draft of a valid plan (call <see cref="Problem"/> first).</summary>
    public static Rollout Draft(RolloutPlanRequest plan, Guid tenantId, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var id = Guid.CreateVersion7(now);
        return new Rollout
        {
            Id = id,
            TenantId = tenantId,
            Name = plan.Name!.Trim(),
            Mode = plan.Mode!.Value,
            UsePassportForWork = plan.Settings!.UsePassportForWork!.Value,
            RequireSecurityDevice = plan.Settings.RequireSecurityDevice!.Value,
            Scope = plan.Settings.Scope!.Value,
            State = RolloutState.Draft,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedAt = now,
            Rings = [.. plan.Rings!.Select((r, i) => new RolloutRing
            {
                RolloutId = id,
                Index = i,
                Name = r!.Name!.Trim(),
                GroupId = r.GroupId!.Value,
                Gate = new RingGate(r.Gate!.MinPrerequisitesPassedShare!.Value, r.Gate.MaxProvisioningFailureShare!.Value,
                    r.Gate.MaxStuckKeys!.Value, r.Gate.MinSoak!.Value),
            })],
        };
    }

    /// <summary>Free text of an admin (a justification, a reason): said, bounded, and storable.</summary>
    public static FieldProblem? TextProblem(string field, string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? new(field, "Required")
        : text.Trim().Length > maxLength ? new(field, $"At most {maxLength} characters")
        : text.Any(char.IsControl) ? new(field, "No control characters: PostgreSQL cannot store a NUL, and a terminal must not be steered by a name")
        : null;

    private static FieldProblem? NameProblem(string field, string? name) => TextProblem(field, name, MaxNameLength);

    private static FieldProblem? SettingsProblem(SettingsRequest? settings) => settings switch
    {
        null => new("settings", "Required"),
        { UsePassportForWork: null } => new("settings.usePassportForWork", "Required"),
        { UsePassportForWork: false } => new("settings.usePassportForWork", "A WHfB rollout sets Use Windows Hello for Business to true"),
        { RequireSecurityDevice: null } => new("settings.requireSecurityDevice", "Required: true or false"),
        { Scope: null } => new("settings.scope", "Required: device or user"),
        _ => null,
    };

    private static FieldProblem? RingProblem(string field, RingRequest? ring) => ring switch
    {
        null => new(field, "Required"),
        _ when NameProblem($"{field}.name", ring.Name) is { } name => name,
        { GroupId: null } => new($"{field}.groupId", "Required: the Entra security group id"),
        _ when ring.GroupId == Guid.Empty => new($"{field}.groupId", "Not a group id"),
        _ => GateProblem($"{field}.gate", ring.Gate),
    };

    private static FieldProblem? GateProblem(string field, GateRequest? gate) => gate switch
    {
        null => new(field, "Required"),
        { MinPrerequisitesPassedShare: not (>= 0 and <= 1) } => new($"{field}.minPrerequisitesPassedShare", "Required: a share from 0 to 1"),
        { MaxProvisioningFailureShare: not (>= 0 and <= 1) } => new($"{field}.maxProvisioningFailureShare", "Required: a share from 0 to 1"),
        { MaxStuckKeys: not >= 0 } => new($"{field}.maxStuckKeys", "Required: 0 or more"),
        { MinSoak: null } => new($"{field}.minSoak", "Required: a time span such as 00:10:00"),
        _ when gate.MinSoak < TimeSpan.Zero || gate.MinSoak > MaxSoak => new($"{field}.minSoak", $"From 00:00:00 to {MaxSoak:c}"),
        _ => null,
    };
}

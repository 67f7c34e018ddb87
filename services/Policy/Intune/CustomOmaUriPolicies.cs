using Microsoft.Graph;
using Microsoft.Graph.DeviceManagement.DeviceConfigurations.Item.Assign;
using Microsoft.Graph.Models;

namespace Whfb.Policy.Intune;

/// <summary>The custom OMA-URI form: v1.0 deviceManagement/deviceConfigurations (windows10CustomConfiguration), typed SDK calls.</summary>
internal sealed class CustomOmaUriPolicies(IntuneGraph graph) : IPolicyKind
{
    private GraphServiceClient Client => graph.Client;

    public async Task<string?> FindAsync(string name, CancellationToken ct) =>
        (await AllAsync(ct)).FirstOrDefault(c => c.DisplayName == name)?.Id;

    public async Task<string> CreateAsync(IntunePolicySpec spec, CancellationToken ct)
    {
        var created = await Client.DeviceManagement.DeviceConfigurations.PostAsync(OmaUriSettings.Configuration(spec), cancellationToken: ct);
        return created?.Id ?? throw new InvalidOperationException("Graph created a device configuration without an id.");
    }

    public async Task<bool> RepairAsync(string id, IntunePolicySpec spec, CancellationToken ct)
    {
        var actual = await Client.DeviceManagement.DeviceConfigurations[id].GetAsync(cancellationToken: ct) as Windows10CustomConfiguration;
        var desired = OmaUriSettings.Settings(spec);
        if (actual is not null && OmaUriSettings.Fingerprint(actual.OmaSettings).SequenceEqual(OmaUriSettings.Fingerprint(desired)))
        {
            return false;
        }

        // PATCH with the whole omaSettings collection replaces it.
        await Client.DeviceManagement.DeviceConfigurations[id].PatchAsync(new Windows10CustomConfiguration { OmaSettings = desired }, cancellationToken: ct);
        return true;
    }

    public async Task AssignAsync(string id, IReadOnlyCollection<Guid> groupIds, CancellationToken ct)
    {
        var body = new AssignPostRequestBody
        {
            Assignments = groupIds.Select(g => new DeviceConfigurationAssignment { Target = new GroupAssignmentTarget { GroupId = g.ToString() } }).ToList(),
        };
        await Client.DeviceManagement.DeviceConfigurations[id].Assign.PostAsAssignPostResponseAsync(body, cancellationToken: ct);
    }

    public async Task<IReadOnlyList<Guid>> AssignedGroupsAsync(string id, CancellationToken ct)
    {
        var first = await Client.DeviceManagement.DeviceConfigurations[id].Assignments.GetAsync(cancellationToken: ct);
        var assignments = await GraphPages.AllAsync<DeviceConfigurationAssignment, DeviceConfigurationAssignmentCollectionResponse>(Client, first, ct);
        return assignments.Select(a => a.Target).OfType<GroupAssignmentTarget>().Select(t => Guid.Parse(t.GroupId!)).ToList();
    }

    private async Task<IReadOnlyList<Windows10CustomConfiguration>> AllAsync(CancellationToken ct)
    {
        var first = await Client.DeviceManagement.DeviceConfigurations.GetAsync(r => r.QueryParameters.Top = 100, ct);
        var all = await GraphPages.AllAsync<DeviceConfiguration, DeviceConfigurationCollectionResponse>(Client, first, ct);
        return all.OfType<Windows10CustomConfiguration>().ToList();
    }
}

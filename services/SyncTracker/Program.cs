using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.OpenApi;
using Whfb.SyncTracker.Apis;
using Whfb.SyncTracker.Extensions;
using Whfb.SyncTracker.Infrastructure;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("synctracker");
builder.AddSyncTracker();
builder.AddWhfbOpenApi();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapKeysApi();
app.MapSyncHealthApi();
app.MapWhfbOpenApi();

await app.RunOrMigrateAsync<SyncTrackerDbContext>(args);

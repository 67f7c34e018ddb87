using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;
using Whfb.SyncTracker.Apis;
using Whfb.SyncTracker.Extensions;
using Whfb.SyncTracker.Infrastructure;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("synctracker");
builder.AddSyncTracker();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapKeysApi();
app.MapSyncHealthApi();

await app.RunOrMigrateAsync<SyncTrackerDbContext>(args);

using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;
using Whfb.SyncTracker.Extensions;
using Whfb.SyncTracker.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("synctracker");
builder.AddSyncTracker();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<SyncTrackerDbContext>(args);

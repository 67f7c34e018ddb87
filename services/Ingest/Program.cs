using Whfb.Ingest.Apis;
using Whfb.Ingest.Extensions;
using Whfb.Ingest.Infrastructure;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("ingest");
builder.AddIngest();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseIngestSecurity();
app.MapCollectorApis();
app.MapEnrollApi();
app.MapCollectorKeysApi();

await app.RunOrMigrateAsync<IngestDbContext>(args);

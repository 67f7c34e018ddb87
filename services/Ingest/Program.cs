using Whfb.Ingest.Apis;
using Whfb.Ingest.Extensions;
using Whfb.Ingest.Infrastructure;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.OpenApi;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("ingest");
builder.AddIngest();
builder.AddWhfbOpenApi();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseIngestSecurity();
app.MapCollectorApis();
app.MapEnrollApi();
app.MapCollectorKeysApi();
app.MapWhfbOpenApi();

await app.RunOrMigrateAsync<IngestDbContext>(args);

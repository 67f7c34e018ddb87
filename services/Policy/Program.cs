using Whfb.Policy.Apis;
using Whfb.Policy.Extensions;
using Whfb.Policy.Infrastructure;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.OpenApi;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("policy");
builder.AddPolicy();
builder.AddWhfbOpenApi();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapRolloutsApi();
app.MapAuditApi();
app.MapWhfbOpenApi();

await app.RunOrMigrateAsync<PolicyDbContext>(args);

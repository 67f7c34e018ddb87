using Whfb.Policy.Apis;
using Whfb.Policy.Extensions;
using Whfb.Policy.Infrastructure;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("policy");
builder.AddPolicy();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapRolloutsApi();
app.MapAuditApi();

await app.RunOrMigrateAsync<PolicyDbContext>(args);

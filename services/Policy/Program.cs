using Whfb.Policy.Extensions;
using Whfb.Policy.Infrastructure;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("policy");
builder.AddPolicy();

var app = builder.Build();
app.MapDefaultEndpoints();

await app.RunOrMigrateAsync<PolicyDbContext>(args);

using Whfb.Insights.Apis;
using Whfb.Insights.Extensions;
using Whfb.Insights.Infrastructure;
using Whfb.ServiceDefaults;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.OpenApi;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults("insights");
builder.AddInsights();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapHistoryApi();
app.MapAnalyticsApi();
app.MapAlertsApi();
app.MapWebhooksApi();
app.MapWhfbOpenApi();
app.MapDashboard();

await app.RunOrMigrateAsync<InsightsDbContext>(args);

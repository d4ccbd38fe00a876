using ContactOS.Silo.Endpoints;
using ContactOS.Silo.Hosting;
using ContactOS.Silo.Live;
using ContactOS.Silo.Telemetry;

// Known start-up failures (bad settings, unreachable database) end the process with one paragraph on stderr and a
// non-zero exit code instead of a stack trace; see SiloProgram for the exit codes.
return await SiloProgram.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        // appsettings.json sits beside the assembly; the current directory stays the base of relative data paths.
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.Configuration.AddContactOSSources(args);
    builder.Services.AddContactOSSilo(builder.Configuration);
    builder.AddContactOSOrleans();

    var app = builder.Build();
    app.UseExceptionHandler();
    // Answers without a body (401, 403, 404, 405, 415, a 400 from binding) get a problem body; authentication runs
    // after it, so that its challenges and refusals get one too.
    app.UseStatusCodePages();
    app.UseDashboard();
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapHealthEndpoints();
    app.MapAuthEndpoints();
    app.MapDemoEndpoints();
    app.MapApiKeyEndpoints();
    app.MapTenantEndpoints();
    app.MapLiveUpdates();
    app.MapIngestionEndpoints();
    app.MapAnalyticsEndpoints();
    app.MapJourneyEndpoints();
    app.MapOrleansDashboardForOperators();
    app.MapMetricsEndpoint();

    // The API's contract (/openapi/v1.json) and its interactive reference (/docs).
    app.MapApiReference();
    await app.RunAsync();
});

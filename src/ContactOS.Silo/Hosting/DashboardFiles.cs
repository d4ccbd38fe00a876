using Microsoft.Net.Http.Headers;

namespace ContactOS.Silo.Hosting;

internal static class DashboardFiles
{
    /// <summary>Vite's output folder for hashed bundles: a changed file gets a new name, so browsers may keep them.</summary>
    private const string AssetsPath = "/assets";

    /// <summary>
    /// Serves the analytics dashboard (built into <c>wwwroot</c> by <c>Dashboard.targets</c>) at <c>/</c>.
    /// <c>index.html</c> is revalidated on every load so a new version shows at once; the hashed bundles it names are
    /// cached for a year. Text files go out as the build's Brotli or gzip copy when the browser accepts one
    /// (<see cref="PrecompressedFiles"/>). Without a built dashboard (<c>-p:SkipDashboardBuild=true</c> and no
    /// <c>dist/</c>) the API still works and <c>/</c> answers 404.
    /// </summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UsePrecompressedFiles(app.Environment.WebRootFileProvider);
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = PrecompressedFiles.ContentTypes,
            OnPrepareResponse = context =>
            {
                var response = context.Context.Response;
                response.Headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments(AssetsPath)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                PrecompressedFiles.SetEncoding(response, context.File.Name);
            },
        });
        return app;
    }
}

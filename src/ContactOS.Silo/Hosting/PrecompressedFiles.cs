using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Serves the Brotli (<c>.br</c>) or gzip (<c>.gz</c>) copy that the dashboard's build writes next to each text asset,
/// when the browser's <c>Accept-Encoding</c> allows it: compressed once at build time at the strongest settings, so
/// the silo spends no processor time on it per request. The request path is pointed at the copy before the static
/// file middleware runs, which then handles caching headers, ETags and ranges as for any file; the response keeps the
/// original file's content type.
/// </summary>
internal static class PrecompressedFiles
{
    /// <summary>In the server's order of preference: Brotli is smaller for the same text.</summary>
    private static readonly (string Name, string Extension)[] s_encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>The files the build compresses (vite-plugins/precompress.ts); any other path is left alone at once.</summary>
    private static readonly string[] s_compressible = [".js", ".css", ".html", ".svg", ".json"];

    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();

    /// <summary>Picks the copy to send; runs after <c>UseDefaultFiles</c>, which turns <c>/</c> into <c>/index.html</c>.</summary>
    public static IApplicationBuilder UsePrecompressedFiles(this IApplicationBuilder app, IFileProvider files) =>
        app.Use((context, next) =>
        {
            Negotiate(context, files);
            return next(context);
        });

    /// <summary>Content types by the name without the encoding's extension: <c>app.js.br</c> is JavaScript.</summary>
    public static IContentTypeProvider ContentTypes { get; } = new EncodedContentTypeProvider();

    /// <summary>
    /// Marks a response whose file is a compressed copy with its encoding; this also covers a request that names the
    /// copy itself (<c>/assets/app.js.br</c>), so such a body is never taken for plain text.
    /// </summary>
    public static void SetEncoding(HttpResponse response, string path)
    {
        foreach (var (name, extension) in s_encodings)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[HeaderNames.ContentEncoding] = name;
                response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                return;
            }
        }
    }

    private static void Negotiate(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var path = request.Path.Value;
        if (path is null || !s_compressible.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var hasCopy = false;
        foreach (var (name, extension) in s_encodings)
        {
            if (!files.GetFileInfo(path + extension).Exists)
            {
                continue;
            }

            hasCopy = true;
            if (Accepts(accepted, name))
            {
                // SetEncoding, called as the file is sent, adds Content-Encoding and Vary from the copy's name.
                request.Path = new PathString(path + extension);
                return;
            }
        }

        if (hasCopy)
        {
            // The plain file went to this client, a compressed one would go to another: caches must keep both apart.
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding)
    {
        foreach (var value in accepted)
        {
            if ((value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) || value.Value.Equals("*", StringComparison.Ordinal))
                && value.Quality is not 0d)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class EncodedContentTypeProvider : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in s_encodings)
            {
                if (subpath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    subpath = subpath[..^extension.Length];
                    break;
                }
            }

            return s_contentTypes.TryGetContentType(subpath, out contentType!);
        }
    }
}

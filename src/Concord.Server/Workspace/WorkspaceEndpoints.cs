using Concord.Server.Graph;
using Concord.Server.Hosting;
using Concord.Server.Inbox;
using Concord.Server.Map;
using Concord.Server.Problems;
using Concord.Server.Releases;
using Concord.Server.Search;
using Concord.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Server.Workspace;

/// <summary>
/// The browser workspace: its sign-in, its views over the API (inbox, search summaries, relationships and link
/// graph, map, release preview), and its pages, served at <c>/</c> on the same origin as the API.
/// </summary>
internal static class WorkspaceEndpoints
{
    /// <summary>
    /// Content security policy of the pages: everything from this node and nothing from anywhere else. Styles
    /// allow inline attributes, which the map library sets on its layers.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IServiceCollection AddWorkspace(this IServiceCollection services) => services.AddSingleton<WebAssets>();

    public static IEndpointRouteBuilder MapWorkspace(this IEndpointRouteBuilder app)
    {
        app.MapSessionApi();
        app.MapInboxApi();
        app.MapSearchApi();
        app.MapGraphApi();
        app.MapMapApi();
        app.MapReleasePreviewApi();
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], ServePageAsync)
            .AllowAnonymous()
            .WithMetadata(new NoStixDataAttribute())
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A file of the workspace, or its page for any other path (the page routes itself); never for /api.</summary>
    private static Task ServePageAsync(HttpContext context, WebAssets assets, string? path)
    {
        var requestPath = context.Request.Path.Value ?? "/";
        if (requestPath.StartsWith("/api/", StringComparison.Ordinal) || requestPath == "/api" || requestPath.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return ProblemWriter.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", $"no endpoint at {requestPath}; see /openapi/v1.json");
        }

        var asset = assets.Find(requestPath);
        if (asset is null && Path.HasExtension(requestPath))
        {
            return ProblemWriter.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", $"no file at {requestPath}");
        }

        asset ??= assets.Find("/index.html");
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (asset is null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("The web workspace was not built into this node: install Node.js 20 or later and build again (dotnet build runs npm).", context.RequestAborted);
        }

        return WebAssets.WriteAsync(context, asset);
    }
}

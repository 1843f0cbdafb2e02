using System.Threading.RateLimiting;
using Concord.Server.Admin;
using Concord.Server.Auth;
using Concord.Server.Deconfliction;
using Concord.Server.Federation;
using Concord.Server.Taxii;
using Concord.Server.Directory;
using Concord.Server.Import;
using Concord.Server.Objects;
using Concord.Server.Problems;
using Concord.Server.Sessions;
using Concord.Server.Workspace;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Federation;
using Concord.Storage.Import;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Concord.Server.Hosting;

/// <summary>
/// Builds a node's web application: REST API, OpenAPI document, API-key authentication, rate limits,
/// request size limits and problem+json errors, over a given store.
/// </summary>
public static class ConcordServer
{
    /// <summary>Builds (but does not start) the application.</summary>
    public static WebApplication Build(IConcordStore store, ServerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        Validator(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Concord" });
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }

        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(options);
        services.AddSingleton<ActorResolver>();
        services.AddSingleton<ObjectAccess>();
        services.AddSingleton<Importer>();
        services.AddSingleton<DirectoryAdmin>();
        services.AddSingleton<FailedAuthenticationLimit>();
        services.AddSingleton<Cursor>();
        services.AddDeconfliction();
        services.AddSingleton<NodeContext>();
        services.AddSingleton<TaxiiStatuses>();
        services.AddSingleton<SyncSignal>();
        services.AddSingleton<Withdrawals>();
        if (options.Sync)
        {
            services.AddHostedService<SyncService>();
        }

        services.AddWorkspace();
        services.ConfigureHttpJsonOptions(o =>
        {
            // The options' naming policy, not the context's, names properties at run time: keep them snake_case like STIX.
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJson.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, WorkspaceJson.Default);
        });
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Concord node API";
            document.Info.Description = "Exchange STIX 2.1 intelligence between partner services: each object version reaches exactly the parties its originator released it to.";
            return Task.CompletedTask;
        }));
        services.AddAuthentication(SessionAuthentication.SelectorScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddSessions();
        services.AddAuthorizationBuilder()
            .AddPolicy(ConcordClaims.PartyMemberPolicy, p => p.RequireAuthenticatedUser().RequireClaim(ConcordClaims.Party))
            .AddPolicy(ConcordClaims.AdministratorPolicy, p => p.RequireAuthenticatedUser().RequireRole(nameof(Domain.Directory.MemberRole.Administrator)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(ProblemWriter.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "slow down and try again in a minute"));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
                PartitionKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestsPerMinute,
                    TokensPerPeriod = options.RequestsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });

        var app = builder.Build();
        app.UseExceptionHandler(handler => handler.Run(context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, detail) = error switch
            {
                BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => (StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {options.MaxRequestBytes} bytes"),
                BadHttpRequestException bad => (bad.StatusCode, "the request could not be read: " + bad.Message),
                _ => (StatusCodes.Status500InternalServerError, "the server failed; the error is logged without request contents"),
            };
            return ProblemWriter.WriteAsync(context, status, status == 500 ? "Server error" : "Bad request", detail);
        }));
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            if (!response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                await ProblemWriter.WriteAsync(context.HttpContext, response.StatusCode, ReasonPhrases(response.StatusCode), response.StatusCode switch
                {
                    StatusCodes.Status404NotFound => $"no endpoint at {context.HttpContext.Request.Path}; see /openapi/v1.json",
                    StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}",
                    StatusCodes.Status415UnsupportedMediaType => "send a JSON body with Content-Type: application/json",
                    _ => "the request was not accepted",
                });
            }
        });
        app.UseAuthentication();
        FailedAuthenticationLimit.Use(app);
        CsrfProtection.Use(app);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            await next(context);
            // Anything written through the API (an import, a release, a withdrawal) may be owed to a partner: push now.
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && context.Response.StatusCode < 300)
            {
                context.RequestServices.GetRequiredService<SyncSignal>().Notify();
            }
        });
        app.MapOpenApi("/openapi/{documentName}.json").WithMetadata(new NoStixDataAttribute());
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok", store.Description.Split(':')[0])))
            .WithMetadata(new NoStixDataAttribute()).WithTags("Health").WithName("Health");
        app.MapObjectsApi();
        app.MapBundlesApi();
        app.MapDirectoryApi();
        app.MapAdminApi();
        app.MapDeconflictionApi();
        app.MapWorkspace();
        app.MapTaxii();
        return app;
    }

    private static string PartitionKey(HttpContext context)
    {
        // Per API key id once the key is proven genuine (authentication runs first), else per client address:
        // a key id is public, so an unproven one must not spend its member's budget.
        var header = context.Request.Headers.Authorization.ToString();
        if (context.Features.Get<Session>() is { } session)
        {
            return "member:" + session.Member;
        }

        if (context.User.Identity?.IsAuthenticated == true && header.Length > 31 && header.StartsWith("Bearer concord_", StringComparison.Ordinal))
        {
            return string.Concat("key:", header.AsSpan(15, 16));
        }

        // HTTP Basic (TAXII clients): the proven member.
        return context.User.Identity?.IsAuthenticated == true && context.Features.Get<Actor>() is { } actor
            ? "member:" + actor.Member
            : "ip:" + context.Connection.RemoteIpAddress;
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static void Validator(ServerOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(nameof(ServerOptions), typeof(ServerOptions), results.Select(r => r.ErrorMessage ?? "invalid"));
        }

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new OptionsValidationException(nameof(ServerOptions), typeof(ServerOptions), [$"Url: '{options.Url}' is not an http(s) URL"]);
        }
    }
}

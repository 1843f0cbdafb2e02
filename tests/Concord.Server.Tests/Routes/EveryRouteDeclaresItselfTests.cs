using Concord.Server.Hosting;
using Concord.Server.Tests.Node;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Server.Tests.Routes;

public sealed class EveryRouteDeclaresItselfTests
{
    [Fact]
    public async Task Every_route_carries_the_releasability_marker_or_the_no_stix_data_marker()
    {
        await using var node = await TestNode.StartAsync();
        var endpoints = Routes(node);

        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<ReleasabilityGuardedAttribute>() is null && e.Metadata.GetMetadata<NoStixDataAttribute>() is null)
            .Select(Describe)
            .ToList();
        Assert.True(undeclared.Count == 0, "routes that declare neither marker: " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task No_route_carries_both_markers()
    {
        await using var node = await TestNode.StartAsync();

        var both = Routes(node)
            .Where(e => e.Metadata.GetMetadata<ReleasabilityGuardedAttribute>() is not null && e.Metadata.GetMetadata<NoStixDataAttribute>() is not null)
            .Select(Describe)
            .ToList();
        Assert.Empty(both);
    }

    [Fact]
    public async Task Every_object_and_bundle_route_is_guarded_by_the_releasability_rule()
    {
        await using var node = await TestNode.StartAsync();

        var stixRoutes = Routes(node).Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/objects", StringComparison.Ordinal) || raw.StartsWith("/api/bundles", StringComparison.Ordinal))).ToList();
        Assert.Equal(
            ["GET /api/bundles", "GET /api/objects", "GET /api/objects/count", "GET /api/objects/{id}", "GET /api/objects/{id}/forwarding", "GET /api/objects/{id}/graph", "GET /api/objects/{id}/relationships", "GET /api/objects/{id}/versions", "POST /api/bundles", "POST /api/objects/{id}/release"],
            stixRoutes.Select(Describe).Order(StringComparer.Ordinal));
        Assert.All(stixRoutes, e => Assert.NotNull(e.Metadata.GetMetadata<ReleasabilityGuardedAttribute>()));
    }

    [Fact]
    public async Task Every_workspace_view_of_stix_data_is_guarded_by_the_releasability_rule()
    {
        await using var node = await TestNode.StartAsync();

        var views = Routes(node).Where(e => e.RoutePattern.RawText is "/api/inbox/" or "/api/search/" or "/api/map/").ToList();
        Assert.Equal(3, views.Count);
        Assert.All(views, e => Assert.NotNull(e.Metadata.GetMetadata<ReleasabilityGuardedAttribute>()));
    }

    internal static IReadOnlyList<RouteEndpoint> Routes(TestNode node) =>
        node.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.Cast<RouteEndpoint>().ToList();

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join('|', endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";
}

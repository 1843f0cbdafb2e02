using Concord.Storage.Access;
using Microsoft.AspNetCore.Http;

namespace Concord.Server.Auth;

/// <summary>The actor authenticated for a request.</summary>
internal static class HttpContextActor
{
    /// <summary>The actor; the endpoints that call this require authentication, so absence is a bug.</summary>
    public static Actor Actor(this HttpContext context) =>
        context.Features.Get<Actor>() ?? throw new InvalidOperationException("no authenticated actor on this request");

    /// <summary>The purpose the member states for a read, from the <c>X-Concord-Purpose</c> header.</summary>
    public static string? Purpose(this HttpContext context)
    {
        var purpose = context.Request.Headers["X-Concord-Purpose"].ToString();
        return purpose.Length == 0 ? null : purpose.Length > 200 ? purpose[..200] : purpose;
    }
}

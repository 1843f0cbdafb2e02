using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Server.Problems;

/// <summary>
/// The one place HTTP answers become RFC 9457 problem+json. Details say what and where (a JSON pointer or a
/// field name) and never carry another party's data or a stack trace.
/// </summary>
internal static class ProblemWriter
{
    public static ProblemDetails Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}" };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return problem;
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(status, title, detail), ServerJson.Default.ProblemDetails, "application/problem+json", context.RequestAborted);
    }

    /// <summary>404 for anything the reader may not read or that does not exist: the two are indistinguishable.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(Create(StatusCodes.Status404NotFound, "Not found", "no object with this id is available to your party"));

    public static ProblemHttpResult BadRequest(string detail, string? pointer = null) =>
        TypedResults.Problem(Create(StatusCodes.Status400BadRequest, "Bad request", detail, pointer is null ? null : new Dictionary<string, object?> { ["pointer"] = pointer }));

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(Create(StatusCodes.Status409Conflict, "Conflict", detail));

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(Create(StatusCodes.Status403Forbidden, "Forbidden", detail));
}

using System.ComponentModel.DataAnnotations;

namespace Concord.Server.Hosting;

/// <summary>Settings of a node's HTTP server, validated at start-up.</summary>
public sealed class ServerOptions
{
    /// <summary>The address to listen on, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free one.</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Largest request body in bytes (bundles are streamed, but bounded).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Requests each API key may make per minute.</summary>
    [Range(1, int.MaxValue)]
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Failed authentications each client address may make per minute before it is slowed down.</summary>
    [Range(1, int.MaxValue)]
    public int FailedAuthPerMinute { get; set; } = 30;

    /// <summary>Minutes a browser session may go unused before it ends.</summary>
    [Range(1, 24 * 60)]
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>Synchronise with peers continuously while serving (push on publish, pull where configured).</summary>
    public bool Sync { get; set; } = true;
}

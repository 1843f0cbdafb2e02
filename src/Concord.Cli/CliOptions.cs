using System.CommandLine;

namespace Concord.Cli;

/// <summary>Options shared by many commands.</summary>
internal static class CliOptions
{
    public static readonly Option<string> Store = new("--store")
    {
        Description = "Where the node's data lives: a SQLite file path, or a PostgreSQL connection (postgres://… or Host=…). Default: $CONCORD_STORE or concord.db.",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CONCORD_STORE") is { Length: > 0 } s ? s : "concord.db",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables.",
        Recursive = true,
    };

    public static Option<string> As() => new("--as")
    {
        Description = "The member to act as, name@party (e.g. analyst@ru-fsb); every read goes through that party's releasability.",
        Required = true,
    };

    public static Option<string> Purpose() => new("--purpose")
    {
        Description = "The purpose of this read, recorded in the audit log.",
    };
}

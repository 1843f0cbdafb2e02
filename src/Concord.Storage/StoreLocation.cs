using System.Data.Common;
using System.Text.RegularExpressions;
using Concord.Storage.Postgres;
using Concord.Storage.Sqlite;
using Npgsql;

namespace Concord.Storage;

/// <summary>
/// Opens the store a location names, as the CLI and the server's configuration give it. The store is not
/// migrated; call <see cref="IConcordStore.MigrateAsync"/>.
/// <list type="bullet">
/// <item><c>postgres://user:password@host:5432/database?schema=concord&amp;sslmode=require</c> (or
/// <c>postgresql://</c>): PostgreSQL in URL form. User, password and database are percent-decoded; the
/// <c>schema</c> option names the schema (default <c>public</c>); every other option is an Npgsql
/// connection-string keyword.</item>
/// <item><c>Host=db;Username=concord;Password=…;Database=concord;Schema=concord</c>: PostgreSQL in Npgsql's
/// keyword form (recognised by a <c>Host</c> or <c>Server</c> keyword); <c>Schema</c> is ours, the rest is Npgsql's.</item>
/// <item>Anything else is the path of a SQLite file, optionally prefixed <c>sqlite:</c> (as
/// <see cref="IConcordStore.Description"/> writes it).</item>
/// </list>
/// A location that cannot be opened throws an <see cref="ArgumentException"/> saying what is wrong; the
/// message never repeats the location, so a password in it is never echoed.
/// </summary>
public static partial class StoreLocation
{
    private const string SchemaOption = "schema";

    /// <summary>Opens the store <paramref name="location"/> names.</summary>
    public static IConcordStore Open(string location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            throw new ArgumentException("The store location is empty: give a SQLite file path, a postgres:// URL or an Npgsql connection string.", nameof(location));
        }

        var scheme = SchemePattern().Match(location);
        if (scheme.Success)
        {
            var name = scheme.Groups[1].Value.ToLowerInvariant();
            return name is "postgres" or "postgresql"
                ? OpenUrl(location)
                : throw new ArgumentException($"The store location uses the unsupported scheme '{name}': use postgres:// or postgresql://, or a SQLite file path.", nameof(location));
        }

        return KeywordPattern().IsMatch(location) ? OpenKeywords(location) : OpenSqlite(location);
    }

    private static PostgresStore OpenUrl(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException("The PostgreSQL URL is malformed: expected postgres://user:password@host:port/database?schema=name (for several hosts use the keyword form).", nameof(location));
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("The PostgreSQL URL names no host.", nameof(location));
        }

        var settings = new NpgsqlConnectionStringBuilder { Host = uri.IdnHost };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            settings.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                settings.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            settings.Database = database;
        }

        string? schema = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (string.Equals(key, SchemaOption, StringComparison.OrdinalIgnoreCase))
            {
                schema = value;
            }
            else
            {
                SetOption(settings, key, value);
            }
        }

        return Create(settings, schema);
    }

    private static PostgresStore OpenKeywords(string location)
    {
        var parsed = new DbConnectionStringBuilder();
        try
        {
            parsed.ConnectionString = location;
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("The PostgreSQL connection string is malformed: expected Key=Value pairs separated by ';'.", nameof(location));
        }

        string? schema = null;
        var settings = new NpgsqlConnectionStringBuilder();
        foreach (string key in parsed.Keys)
        {
            var value = parsed[key]?.ToString() ?? string.Empty;
            if (string.Equals(key, SchemaOption, StringComparison.OrdinalIgnoreCase))
            {
                schema = value;
            }
            else
            {
                SetOption(settings, key, value);
            }
        }

        return Create(settings, schema);
    }

    private static void SetOption(NpgsqlConnectionStringBuilder settings, string key, string value)
    {
        try
        {
            settings[key] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Name the option, never its value: it may be a password.
            throw new ArgumentException($"The PostgreSQL option '{key}' is unknown or has an invalid value.");
        }
    }

    private static PostgresStore Create(NpgsqlConnectionStringBuilder settings, string? schema)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new ArgumentException("The PostgreSQL location names no host.");
        }

        if (schema is not null && !PostgresStore.IsValidSchemaName(schema))
        {
            throw new ArgumentException("The PostgreSQL schema option must be 1-63 characters of a-z, 0-9 and '_', not starting with a digit.");
        }

        return new PostgresStore(settings.ConnectionString, schema);
    }

    private static SqliteStore OpenSqlite(string location)
    {
        var path = location.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? location["sqlite:".Length..] : location;
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The SQLite file path is empty or contains a NUL character.", nameof(location));
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException("The SQLite file path is not a valid path on this system.", nameof(location));
        }

        if (System.IO.Directory.Exists(full))
        {
            throw new ArgumentException("The SQLite file path names a directory; give the path of a file in it.", nameof(location));
        }

        return new SqliteStore(full);
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*)://")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"(?:^|;)\s*(?:host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordPattern();
}

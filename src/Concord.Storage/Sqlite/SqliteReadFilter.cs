using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The SQLite form of <see cref="ReleasabilityRule.CanRead(Reader, PartyId, Release)"/>, kept in this one file:
/// a version is readable when the reader is its originator, or a release row names the reader's party, or a
/// release row names a channel the reader is a member of. A differential property test proves it equal to the
/// Domain rule.
/// </summary>
internal static class SqliteReadFilter
{
    /// <summary>The predicate over the version row aliased <paramref name="alias"/>; needs <see cref="Bind"/>.</summary>
    public static string Readable(string alias) =>
        $"({alias}.originator = $reader_party OR EXISTS (SELECT 1 FROM version_release rr WHERE rr.version_pk = {alias}.pk AND "
        + $"((rr.kind = {VersionRow.PartyKind} AND rr.target = $reader_party) OR (rr.kind = {VersionRow.ChannelKind} AND rr.target IN (SELECT value FROM json_each($reader_channels))))))";

    /// <summary>Binds the reader's party and channels.</summary>
    public static void Bind(SqliteCommand command, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        command.Parameters.AddWithValue("$reader_party", reader.Party.Value);
        command.Parameters.AddWithValue("$reader_channels", JsonSerializer.Serialize(reader.Channels.Select(c => c.Value).ToArray(), StorageJson.Default.StringArray));
    }
}

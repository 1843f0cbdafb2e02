using Concord.Domain.Releasability;
using Concord.Storage.Objects;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Storage.Postgres;

/// <summary>
/// The PostgreSQL form of <see cref="ReleasabilityRule.CanRead(Reader, PartyId, Release)"/>, kept in this one
/// file: a version is readable when the reader is its originator, or a release row names the reader's party,
/// or a release row names a channel the reader is a member of. A differential property test proves it equal
/// to the Domain rule.
/// </summary>
internal static class PostgresReadFilter
{
    /// <summary>The predicate over the version row aliased <paramref name="alias"/>; needs <see cref="Bind"/>.</summary>
    public static string Readable(string alias) =>
        $"({alias}.originator = @reader_party OR EXISTS (SELECT 1 FROM version_release rr WHERE rr.version_pk = {alias}.pk AND "
        + $"((rr.kind = {VersionRow.PartyKind} AND rr.target = @reader_party) OR (rr.kind = {VersionRow.ChannelKind} AND rr.target = ANY(@reader_channels)))))";

    /// <summary>Binds the reader's party and channels (as a <c>text[]</c>).</summary>
    public static void Bind(NpgsqlCommand command, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reader);
        command.Parameters.Add(new NpgsqlParameter<string>("reader_party", NpgsqlDbType.Text) { TypedValue = reader.Party.Value });
        command.Parameters.Add(new NpgsqlParameter<string[]>("reader_channels", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = reader.Channels.Select(c => c.Value).ToArray(),
        });
    }
}

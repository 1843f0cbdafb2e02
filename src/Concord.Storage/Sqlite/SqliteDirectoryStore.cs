using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Directory;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>The directory on SQLite.</summary>
internal sealed class SqliteDirectoryStore(SqliteStore store) : IDirectoryStore
{
    private const int UniqueViolation = 19; // SQLITE_CONSTRAINT

    public Task AddPartyAsync(Party party, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO party (id, name, country, kind, identity_id, created, node) VALUES ($id, $name, $country, $kind, $identity, $created, $node)",
            c =>
            {
                c.Parameters.AddWithValue("$id", party.Id.Value);
                c.Parameters.AddWithValue("$name", party.Name);
                c.Parameters.AddWithValue("$country", (object?)party.Country ?? DBNull.Value);
                c.Parameters.AddWithValue("$kind", party.Kind.ToString());
                c.Parameters.AddWithValue("$identity", party.IdentityId.ToString());
                c.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.UtcTicks);
                c.Parameters.AddWithValue("$node", (object?)party.Node?.Value ?? DBNull.Value);
            },
            $"party '{party.Id}' or its identity already exists",
            cancellationToken);

    public async Task<Party?> GetPartyAsync(PartyId id, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, name, country, kind, identity_id, node FROM party WHERE id = $id", c => c.Parameters.AddWithValue("$id", id.Value), ReadParty, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Party>> ListPartiesAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, name, country, kind, identity_id, node FROM party ORDER BY id", _ => { }, ReadParty, cancellationToken);

    public Task AddChannelAsync(Channel channel, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO channel (id, name, description, created) VALUES ($id, $name, $description, $created)",
            c =>
            {
                c.Parameters.AddWithValue("$id", channel.Id.Value);
                c.Parameters.AddWithValue("$name", channel.Name);
                c.Parameters.AddWithValue("$description", (object?)channel.Description ?? DBNull.Value);
                c.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.UtcTicks);
            },
            $"channel '{channel.Id}' already exists",
            cancellationToken);

    public async Task<Channel?> GetChannelAsync(ChannelId id, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, name, description FROM channel WHERE id = $id", c => c.Parameters.AddWithValue("$id", id.Value), ReadChannel, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Channel>> ListChannelsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, name, description FROM channel ORDER BY id", _ => { }, ReadChannel, cancellationToken);

    public async Task AddChannelMemberAsync(ChannelId channel, PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT OR IGNORE INTO channel_member (channel_id, party_id) VALUES ($channel, $party)";
        command.Parameters.AddWithValue("$channel", channel.Value);
        command.Parameters.AddWithValue("$party", party.Value);
        int joined;
        try
        {
            joined = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == UniqueViolation)
        {
            throw new DirectoryConflictException($"channel '{channel}' or party '{party}' does not exist", ex);
        }

        if (joined > 0)
        {
            // A partner's party joining late: what the channel already holds is news to it. Federation pushes the
            // versions named in the release log, so log them (the push cursor has long passed them).
            command.CommandText = LateJoinerChanges;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The versions released to a channel, entered in the release log when the party that joined it is hosted by another node.</summary>
    private static readonly string LateJoinerChanges =
        "INSERT INTO release_change (version_pk, object_id) SELECT v.pk, v.object_id FROM version_release r "
        + $"JOIN object_version v ON v.pk = r.version_pk WHERE r.kind = {Objects.VersionRow.ChannelKind} AND r.target = $channel "
        + "AND EXISTS (SELECT 1 FROM party WHERE id = $party AND node IS NOT NULL) ORDER BY v.pk";

    public Task RemoveChannelMemberAsync(ChannelId channel, PartyId party, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM channel_member WHERE channel_id = $channel AND party_id = $party",
            c =>
            {
                c.Parameters.AddWithValue("$channel", channel.Value);
                c.Parameters.AddWithValue("$party", party.Value);
            },
            string.Empty,
            cancellationToken);

    public Task<IReadOnlyList<PartyId>> ListChannelMembersAsync(ChannelId channel, CancellationToken cancellationToken) =>
        QueryAsync("SELECT party_id FROM channel_member WHERE channel_id = $channel ORDER BY party_id", c => c.Parameters.AddWithValue("$channel", channel.Value), r => PartyId.Parse(r.GetString(0)), cancellationToken);

    public Task<IReadOnlyList<ChannelId>> ListChannelsOfAsync(PartyId party, CancellationToken cancellationToken) =>
        QueryAsync("SELECT channel_id FROM channel_member WHERE party_id = $party ORDER BY channel_id", c => c.Parameters.AddWithValue("$party", party.Value), r => ChannelId.Parse(r.GetString(0)), cancellationToken);

    public Task AddMemberAsync(Member member, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO member (id, party_id, display_name, role, disabled, created) VALUES ($id, $party, $name, $role, $disabled, $created)",
            c =>
            {
                c.Parameters.AddWithValue("$id", member.Id.ToString());
                c.Parameters.AddWithValue("$party", member.Id.Party is { } p ? p.Value : DBNull.Value);
                c.Parameters.AddWithValue("$name", member.DisplayName);
                c.Parameters.AddWithValue("$role", member.Role.ToString());
                c.Parameters.AddWithValue("$disabled", member.Disabled ? 1 : 0);
                c.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.UtcTicks);
            },
            $"member '{member.Id}' already exists or its party does not",
            cancellationToken);

    public async Task<Member?> GetMemberAsync(MemberId id, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, display_name, role, disabled FROM member WHERE id = $id", c => c.Parameters.AddWithValue("$id", id.ToString()), ReadMember, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Member>> ListMembersAsync(PartyId? party, CancellationToken cancellationToken) =>
        party is { } p
            ? QueryAsync("SELECT id, display_name, role, disabled FROM member WHERE party_id = $party ORDER BY id", c => c.Parameters.AddWithValue("$party", p.Value), ReadMember, cancellationToken)
            : QueryAsync("SELECT id, display_name, role, disabled FROM member ORDER BY id", _ => { }, ReadMember, cancellationToken);

    public Task SetMemberDisabledAsync(MemberId id, bool disabled, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE member SET disabled = $disabled WHERE id = $id",
            c =>
            {
                c.Parameters.AddWithValue("$id", id.ToString());
                c.Parameters.AddWithValue("$disabled", disabled ? 1 : 0);
            },
            string.Empty,
            cancellationToken);

    public Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO api_key (key_id, member_id, hash, created, revoked) VALUES ($id, $member, $hash, $created, NULL)",
            c =>
            {
                c.Parameters.AddWithValue("$id", key.KeyId);
                c.Parameters.AddWithValue("$member", key.Member.ToString());
                c.Parameters.AddWithValue("$hash", key.Hash);
                c.Parameters.AddWithValue("$created", key.Created.UtcTicks);
            },
            $"member '{key.Member}' does not exist",
            cancellationToken);

    public async Task<StoredKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT key_id, member_id, hash, created, revoked FROM api_key WHERE key_id = $id", c => c.Parameters.AddWithValue("$id", keyId), ReadKey, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<StoredKey>> ListKeysAsync(MemberId member, CancellationToken cancellationToken) =>
        QueryAsync("SELECT key_id, member_id, hash, created, revoked FROM api_key WHERE member_id = $member ORDER BY created", c => c.Parameters.AddWithValue("$member", member.ToString()), ReadKey, cancellationToken);

    public async Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_key SET revoked = $at WHERE key_id = $id AND revoked IS NULL";
        command.Parameters.AddWithValue("$id", keyId);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static Party ReadParty(SqliteDataReader r) =>
        new(PartyId.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Enum.Parse<PartyKind>(r.GetString(3)), StixId.Parse(r.GetString(4)))
        {
            Node = r.IsDBNull(5) ? null : NodeId.Parse(r.GetString(5)),
        };

    private static Channel ReadChannel(SqliteDataReader r) =>
        new(ChannelId.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));

    private static Member ReadMember(SqliteDataReader r) =>
        new(MemberId.Parse(r.GetString(0)), r.GetString(1), Enum.Parse<MemberRole>(r.GetString(2)), r.GetInt64(3) != 0);

    private static StoredKey ReadKey(SqliteDataReader r) =>
        new(r.GetString(0), MemberId.Parse(r.GetString(1)), (byte[])r.GetValue(2), new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero),
            r.IsDBNull(4) ? null : new DateTimeOffset(r.GetInt64(4), TimeSpan.Zero));

    private async Task ExecuteAsync(string sql, Action<SqliteCommand> bind, string conflict, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == UniqueViolation)
        {
            throw new DirectoryConflictException(conflict, ex);
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }

        return result;
    }
}

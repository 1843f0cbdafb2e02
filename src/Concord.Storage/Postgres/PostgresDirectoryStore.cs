using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Directory;
using Npgsql;
using NpgsqlTypes;
using static Concord.Storage.Postgres.PostgresParameters;

namespace Concord.Storage.Postgres;

/// <summary>The directory on PostgreSQL. A write that names something taken or missing becomes a <see cref="DirectoryConflictException"/>.</summary>
internal sealed class PostgresDirectoryStore(PostgresStore store) : IDirectoryStore
{
    public Task AddPartyAsync(Party party, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO party (id, name, country, kind, identity_id, created, node) VALUES (@id, @name, @country, @kind, @identity, @created, @node)",
            c =>
            {
                c.Parameters.Add(Text("id", party.Id.Value));
                c.Parameters.Add(Text("name", party.Name));
                c.Parameters.Add(Text("country", party.Country));
                c.Parameters.Add(Text("kind", party.Kind.ToString()));
                c.Parameters.Add(Text("identity", party.IdentityId.ToString()));
                c.Parameters.Add(Ticks("created", DateTimeOffset.UtcNow));
                c.Parameters.Add(Text("node", party.Node?.Value));
            },
            $"party '{party.Id}' or its identity already exists",
            cancellationToken);

    public async Task<Party?> GetPartyAsync(PartyId id, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, name, country, kind, identity_id, node FROM party WHERE id = @id", c => c.Parameters.Add(Text("id", id.Value)), ReadParty, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Party>> ListPartiesAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, name, country, kind, identity_id, node FROM party ORDER BY id", _ => { }, ReadParty, cancellationToken);

    public Task AddChannelAsync(Channel channel, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO channel (id, name, description, created) VALUES (@id, @name, @description, @created)",
            c =>
            {
                c.Parameters.Add(Text("id", channel.Id.Value));
                c.Parameters.Add(Text("name", channel.Name));
                c.Parameters.Add(Text("description", channel.Description));
                c.Parameters.Add(Ticks("created", DateTimeOffset.UtcNow));
            },
            $"channel '{channel.Id}' already exists",
            cancellationToken);

    public async Task<Channel?> GetChannelAsync(ChannelId id, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, name, description FROM channel WHERE id = @id", c => c.Parameters.Add(Text("id", id.Value)), ReadChannel, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Channel>> ListChannelsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, name, description FROM channel ORDER BY id", _ => { }, ReadChannel, cancellationToken);

    public Task AddChannelMemberAsync(ChannelId channel, PartyId party, CancellationToken cancellationToken) =>
        ExecuteAsync(
            // One statement: the membership, and — when it is new and the party is a partner's — the channel's versions
            // entered in the release log, which federation pushes from (see the SQLite store).
            "WITH joined AS (INSERT INTO channel_member (channel_id, party_id) VALUES (@channel, @party) ON CONFLICT DO NOTHING RETURNING party_id) "
            + "INSERT INTO release_change (version_pk, object_id) SELECT v.pk, v.object_id FROM joined "
            + "JOIN party p ON p.id = joined.party_id AND p.node IS NOT NULL "
            + $"JOIN version_release r ON r.kind = {Objects.VersionRow.ChannelKind} AND r.target = @channel "
            + "JOIN object_version v ON v.pk = r.version_pk ORDER BY v.pk",
            c =>
            {
                c.Parameters.Add(Text("channel", channel.Value));
                c.Parameters.Add(Text("party", party.Value));
            },
            $"channel '{channel}' or party '{party}' does not exist",
            cancellationToken);

    public Task RemoveChannelMemberAsync(ChannelId channel, PartyId party, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM channel_member WHERE channel_id = @channel AND party_id = @party",
            c =>
            {
                c.Parameters.Add(Text("channel", channel.Value));
                c.Parameters.Add(Text("party", party.Value));
            },
            string.Empty,
            cancellationToken);

    public Task<IReadOnlyList<PartyId>> ListChannelMembersAsync(ChannelId channel, CancellationToken cancellationToken) =>
        QueryAsync("SELECT party_id FROM channel_member WHERE channel_id = @channel ORDER BY party_id", c => c.Parameters.Add(Text("channel", channel.Value)), r => PartyId.Parse(r.GetString(0)), cancellationToken);

    public Task<IReadOnlyList<ChannelId>> ListChannelsOfAsync(PartyId party, CancellationToken cancellationToken) =>
        QueryAsync("SELECT channel_id FROM channel_member WHERE party_id = @party ORDER BY channel_id", c => c.Parameters.Add(Text("party", party.Value)), r => ChannelId.Parse(r.GetString(0)), cancellationToken);

    public Task AddMemberAsync(Member member, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO member (id, party_id, display_name, role, disabled, created) VALUES (@id, @party, @name, @role, @disabled, @created)",
            c =>
            {
                c.Parameters.Add(Text("id", member.Id.ToString()));
                c.Parameters.Add(Text("party", member.Id.Party?.Value));
                c.Parameters.Add(Text("name", member.DisplayName));
                c.Parameters.Add(Text("role", member.Role.ToString()));
                c.Parameters.Add(new NpgsqlParameter<bool>("disabled", NpgsqlDbType.Boolean) { TypedValue = member.Disabled });
                c.Parameters.Add(Ticks("created", DateTimeOffset.UtcNow));
            },
            $"member '{member.Id}' already exists or its party does not",
            cancellationToken);

    public async Task<Member?> GetMemberAsync(MemberId id, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, display_name, role, disabled FROM member WHERE id = @id", c => c.Parameters.Add(Text("id", id.ToString())), ReadMember, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Member>> ListMembersAsync(PartyId? party, CancellationToken cancellationToken) =>
        party is { } p
            ? QueryAsync("SELECT id, display_name, role, disabled FROM member WHERE party_id = @party ORDER BY id", c => c.Parameters.Add(Text("party", p.Value)), ReadMember, cancellationToken)
            : QueryAsync("SELECT id, display_name, role, disabled FROM member ORDER BY id", _ => { }, ReadMember, cancellationToken);

    public Task SetMemberDisabledAsync(MemberId id, bool disabled, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE member SET disabled = @disabled WHERE id = @id",
            c =>
            {
                c.Parameters.Add(Text("id", id.ToString()));
                c.Parameters.Add(new NpgsqlParameter<bool>("disabled", NpgsqlDbType.Boolean) { TypedValue = disabled });
            },
            string.Empty,
            cancellationToken);

    public Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO api_key (key_id, member_id, hash, created, revoked) VALUES (@id, @member, @hash, @created, NULL)",
            c =>
            {
                c.Parameters.Add(Text("id", key.KeyId));
                c.Parameters.Add(Text("member", key.Member.ToString()));
                c.Parameters.Add(new NpgsqlParameter<byte[]>("hash", NpgsqlDbType.Bytea) { TypedValue = key.Hash });
                c.Parameters.Add(Ticks("created", key.Created));
            },
            $"key '{key.KeyId}' already exists or member '{key.Member}' does not",
            cancellationToken);

    public async Task<StoredKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT key_id, member_id, hash, created, revoked FROM api_key WHERE key_id = @id", c => c.Parameters.Add(Text("id", keyId)), ReadKey, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<StoredKey>> ListKeysAsync(MemberId member, CancellationToken cancellationToken) =>
        QueryAsync("SELECT key_id, member_id, hash, created, revoked FROM api_key WHERE member_id = @member ORDER BY created, key_id", c => c.Parameters.Add(Text("member", member.ToString())), ReadKey, cancellationToken);

    public async Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE api_key SET revoked = @at WHERE key_id = @id AND revoked IS NULL", connection);
        command.Parameters.Add(Text("id", keyId));
        command.Parameters.Add(Ticks("at", at));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static Party ReadParty(NpgsqlDataReader r) =>
        new(PartyId.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Enum.Parse<PartyKind>(r.GetString(3)), StixId.Parse(r.GetString(4)))
        {
            Node = r.IsDBNull(5) ? null : NodeId.Parse(r.GetString(5)),
        };

    private static Channel ReadChannel(NpgsqlDataReader r) =>
        new(ChannelId.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));

    private static Member ReadMember(NpgsqlDataReader r) =>
        new(MemberId.Parse(r.GetString(0)), r.GetString(1), Enum.Parse<MemberRole>(r.GetString(2)), r.GetBoolean(3));

    private static StoredKey ReadKey(NpgsqlDataReader r) =>
        new(r.GetString(0), MemberId.Parse(r.GetString(1)), r.GetFieldValue<byte[]>(2), new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero),
            r.IsDBNull(4) ? null : new DateTimeOffset(r.GetInt64(4), TimeSpan.Zero));

    private async Task ExecuteAsync(string sql, Action<NpgsqlCommand> bind, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await store.ExecuteAsync(sql, bind, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new DirectoryConflictException(conflict, ex);
        }
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        store.QueryAsync(sql, bind, read, cancellationToken);
}

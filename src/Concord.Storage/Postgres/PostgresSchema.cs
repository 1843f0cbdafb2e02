namespace Concord.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, as numbered migrations applied in order inside the store's own schema. Tables and
/// meaning follow the SQLite schema; instants and version keys are ticks in <c>bigint</c>, bytes are
/// <c>bytea</c>, and full-text search is a <c>tsvector</c> column (built with the <c>simple</c> configuration
/// from words split and lower-cased by <see cref="Objects.SearchTerms"/>) under a GIN index.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The sequence that numbers object versions (the store order and the paging cursor).</summary>
    public const string VersionSequence = "object_version_pk_seq";

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE party (
            id text PRIMARY KEY,
            name text NOT NULL,
            country text,
            kind text NOT NULL,
            identity_id text NOT NULL UNIQUE,
            created bigint NOT NULL);
        CREATE TABLE channel (
            id text PRIMARY KEY,
            name text NOT NULL,
            description text,
            created bigint NOT NULL);
        CREATE TABLE channel_member (
            channel_id text NOT NULL REFERENCES channel(id),
            party_id text NOT NULL REFERENCES party(id),
            PRIMARY KEY (channel_id, party_id));
        CREATE INDEX channel_member_party ON channel_member(party_id, channel_id);
        CREATE TABLE member (
            id text PRIMARY KEY,
            party_id text REFERENCES party(id),
            display_name text NOT NULL,
            role text NOT NULL,
            disabled boolean NOT NULL DEFAULT false,
            created bigint NOT NULL);
        CREATE INDEX member_party ON member(party_id, id);
        CREATE TABLE api_key (
            key_id text PRIMARY KEY,
            member_id text NOT NULL REFERENCES member(id),
            hash bytea NOT NULL,
            created bigint NOT NULL,
            revoked bigint);
        CREATE INDEX api_key_member ON api_key(member_id, created);
        CREATE SEQUENCE object_version_pk_seq AS bigint;
        CREATE TABLE object_version (
            pk bigint PRIMARY KEY,
            object_id text NOT NULL,
            type text NOT NULL,
            version bigint NOT NULL,
            originator text NOT NULL,
            revoked boolean NOT NULL,
            tlp integer,
            caveats integer NOT NULL,
            purpose text,
            restriction text,
            grading text,
            added bigint NOT NULL,
            digest bytea NOT NULL,
            json bytea NOT NULL,
            search tsvector NOT NULL);
        CREATE UNIQUE INDEX object_version_key ON object_version(object_id, version, originator);
        CREATE INDEX object_version_latest ON object_version(object_id, version, pk);
        CREATE INDEX object_version_originator ON object_version(originator, pk);
        CREATE INDEX object_version_type ON object_version(type, pk);
        CREATE INDEX object_version_search ON object_version USING gin (search);
        CREATE TABLE version_release (
            version_pk bigint NOT NULL,
            kind integer NOT NULL,
            target text NOT NULL,
            granted_by text NOT NULL,
            PRIMARY KEY (version_pk, kind, target));
        CREATE INDEX version_release_target ON version_release(kind, target, version_pk);
        CREATE TABLE audit (
            seq bigint PRIMARY KEY,
            at bigint NOT NULL,
            actor text NOT NULL,
            party text,
            action text NOT NULL,
            target text,
            purpose text,
            detail text NOT NULL,
            hash bytea NOT NULL);
        """,
        """
        CREATE TABLE operation_version (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            op_id text NOT NULL,
            version bigint NOT NULL,
            party text NOT NULL,
            recorded_by text NOT NULL,
            recorded bigint NOT NULL,
            status text NOT NULL,
            plan text NOT NULL);
        CREATE UNIQUE INDEX operation_version_key ON operation_version(op_id, version);
        CREATE INDEX operation_version_party ON operation_version(party, op_id, version);
        CREATE TABLE operation_conflict (
            id text PRIMARY KEY,
            op_a text NOT NULL,
            party_a text NOT NULL,
            op_b text NOT NULL,
            party_b text NOT NULL,
            state text NOT NULL,
            detected bigint NOT NULL,
            updated bigint NOT NULL,
            notice_a text NOT NULL,
            notice_b text,
            ack_a bigint,
            ack_b bigint,
            resolution text);
        CREATE INDEX operation_conflict_a ON operation_conflict(op_a, state);
        CREATE INDEX operation_conflict_b ON operation_conflict(op_b, state);
        CREATE INDEX operation_conflict_party_a ON operation_conflict(party_a, detected);
        CREATE INDEX operation_conflict_party_b ON operation_conflict(party_b, detected);
        CREATE TABLE operation_event (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            party text NOT NULL,
            conflict_id text NOT NULL,
            type text NOT NULL,
            at bigint NOT NULL,
            body text NOT NULL);
        CREATE INDEX operation_event_party ON operation_event(party, seq);
        CREATE TABLE operation_webhook (
            party text PRIMARY KEY,
            url text NOT NULL,
            secret text NOT NULL,
            updated bigint NOT NULL);
        """,
        """
        CREATE TABLE read_mark (
            member_id text NOT NULL,
            object_id text NOT NULL,
            version bigint NOT NULL,
            marked bigint NOT NULL,
            PRIMARY KEY (member_id, object_id, version));
        CREATE TABLE read_watermark (
            member_id text PRIMARY KEY,
            at bigint NOT NULL);
        """,
        """
        ALTER TABLE party ADD COLUMN node text;
        CREATE TABLE node_identity (
            id integer PRIMARY KEY CHECK (id = 1),
            node text NOT NULL,
            seed bytea NOT NULL,
            created bigint NOT NULL);
        CREATE TABLE peer (
            node text PRIMARY KEY,
            url text NOT NULL,
            credential text,
            public_key bytea,
            pull boolean NOT NULL,
            push boolean NOT NULL,
            feed_parties text,
            feed_channels text,
            created bigint NOT NULL);
        CREATE TABLE sync_cursor (
            node text NOT NULL,
            stream text NOT NULL,
            position text NOT NULL,
            updated bigint NOT NULL,
            PRIMARY KEY (node, stream));
        CREATE TABLE version_signature (
            version_pk bigint PRIMARY KEY,
            signature bytea NOT NULL);
        CREATE TABLE withdrawal_outbox (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            node text NOT NULL,
            object_id text NOT NULL,
            originator text NOT NULL,
            parties text NOT NULL,
            channels text NOT NULL,
            queued bigint NOT NULL);
        CREATE INDEX withdrawal_outbox_node ON withdrawal_outbox(node, seq);
        CREATE TABLE withdrawal_tombstone (
            node text NOT NULL,
            object_id text NOT NULL,
            kind integer NOT NULL,
            target text NOT NULL,
            PRIMARY KEY (node, object_id, kind, target));
        CREATE TABLE release_change (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            version_pk bigint NOT NULL,
            object_id text NOT NULL);
        CREATE TABLE ingest_refusal (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at bigint NOT NULL,
            node text NOT NULL,
            object_id text,
            reason text NOT NULL,
            detail text NOT NULL);
        CREATE INDEX object_version_added ON object_version(added, pk);
        """,
        RefoldSearchWords(),
    ];

    /// <summary>
    /// Migration 6: words indexed before accents were folded (<see cref="Objects.SearchTerms.FoldAccents"/>) are folded
    /// in place, so <c>khurasan</c> finds what was stored as <c>Khurāsān</c> then too. Only the words matter to search
    /// (every query word is a prefix match), so the vector is rebuilt from its own words; rows of plain ASCII are left.
    /// </summary>
    private static string RefoldSearchWords()
    {
        var (from, to) = Objects.SearchTerms.FoldTranslation();
        return $"""
            UPDATE object_version
            SET search = to_tsvector('simple', translate(array_to_string(tsvector_to_array(search), ' '), '{from}', '{to}'))
            WHERE search::text ~ '[^[:ascii:]]';
            """;
    }
}

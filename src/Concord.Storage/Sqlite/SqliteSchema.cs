namespace Concord.Storage.Sqlite;

/// <summary>The SQLite schema, as numbered migrations applied in order.</summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE party (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT,
            kind TEXT NOT NULL,
            identity_id TEXT NOT NULL UNIQUE,
            created INTEGER NOT NULL);
        CREATE TABLE channel (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT,
            created INTEGER NOT NULL);
        CREATE TABLE channel_member (
            channel_id TEXT NOT NULL REFERENCES channel(id),
            party_id TEXT NOT NULL REFERENCES party(id),
            PRIMARY KEY (channel_id, party_id)) WITHOUT ROWID;
        CREATE INDEX channel_member_party ON channel_member(party_id, channel_id);
        CREATE TABLE member (
            id TEXT PRIMARY KEY,
            party_id TEXT REFERENCES party(id),
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created INTEGER NOT NULL);
        CREATE TABLE api_key (
            key_id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES member(id),
            hash BLOB NOT NULL,
            created INTEGER NOT NULL,
            revoked INTEGER);
        CREATE TABLE object_version (
            pk INTEGER PRIMARY KEY,
            object_id TEXT NOT NULL,
            type TEXT NOT NULL,
            version INTEGER NOT NULL,
            originator TEXT NOT NULL,
            revoked INTEGER NOT NULL,
            tlp INTEGER,
            caveats INTEGER NOT NULL,
            purpose TEXT,
            restriction TEXT,
            grading TEXT,
            added INTEGER NOT NULL,
            digest BLOB NOT NULL,
            json BLOB NOT NULL);
        CREATE UNIQUE INDEX object_version_key ON object_version(object_id, version, originator);
        CREATE INDEX object_version_type ON object_version(type, pk);
        CREATE TABLE version_release (
            version_pk INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            target TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            PRIMARY KEY (version_pk, kind, target)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE object_text USING fts5(text, content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            party TEXT,
            action TEXT NOT NULL,
            target TEXT,
            purpose TEXT,
            detail TEXT NOT NULL,
            hash BLOB NOT NULL);
        """,
        """
        CREATE TABLE operation_version (
            seq INTEGER PRIMARY KEY,
            op_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            party TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded INTEGER NOT NULL,
            status TEXT NOT NULL,
            plan TEXT NOT NULL);
        CREATE UNIQUE INDEX operation_version_key ON operation_version(op_id, version);
        CREATE INDEX operation_version_party ON operation_version(party, op_id, version);
        CREATE TABLE operation_conflict (
            id TEXT PRIMARY KEY,
            op_a TEXT NOT NULL,
            party_a TEXT NOT NULL,
            op_b TEXT NOT NULL,
            party_b TEXT NOT NULL,
            state TEXT NOT NULL,
            detected INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            notice_a TEXT NOT NULL,
            notice_b TEXT,
            ack_a INTEGER,
            ack_b INTEGER,
            resolution TEXT);
        CREATE INDEX operation_conflict_a ON operation_conflict(op_a, state);
        CREATE INDEX operation_conflict_b ON operation_conflict(op_b, state);
        CREATE INDEX operation_conflict_party_a ON operation_conflict(party_a, detected);
        CREATE INDEX operation_conflict_party_b ON operation_conflict(party_b, detected);
        CREATE TABLE operation_event (
            seq INTEGER PRIMARY KEY,
            party TEXT NOT NULL,
            conflict_id TEXT NOT NULL,
            type TEXT NOT NULL,
            at INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX operation_event_party ON operation_event(party, seq);
        CREATE TABLE operation_webhook (
            party TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            updated INTEGER NOT NULL);
        """,
        """
        CREATE TABLE read_mark (
            member_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            marked INTEGER NOT NULL,
            PRIMARY KEY (member_id, object_id, version)) WITHOUT ROWID;
        CREATE TABLE read_watermark (
            member_id TEXT PRIMARY KEY,
            at INTEGER NOT NULL);
        """,
        """
        ALTER TABLE party ADD COLUMN node TEXT;
        CREATE TABLE node_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            node TEXT NOT NULL,
            seed BLOB NOT NULL,
            created INTEGER NOT NULL);
        CREATE TABLE peer (
            node TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            credential TEXT,
            public_key BLOB,
            pull INTEGER NOT NULL,
            push INTEGER NOT NULL,
            feed_parties TEXT,
            feed_channels TEXT,
            created INTEGER NOT NULL);
        CREATE TABLE sync_cursor (
            node TEXT NOT NULL,
            stream TEXT NOT NULL,
            position TEXT NOT NULL,
            updated INTEGER NOT NULL,
            PRIMARY KEY (node, stream)) WITHOUT ROWID;
        CREATE TABLE version_signature (
            version_pk INTEGER PRIMARY KEY,
            signature BLOB NOT NULL);
        CREATE TABLE withdrawal_outbox (
            seq INTEGER PRIMARY KEY,
            node TEXT NOT NULL,
            object_id TEXT NOT NULL,
            originator TEXT NOT NULL,
            parties TEXT NOT NULL,
            channels TEXT NOT NULL,
            queued INTEGER NOT NULL);
        CREATE INDEX withdrawal_outbox_node ON withdrawal_outbox(node, seq);
        CREATE TABLE ingest_refusal (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            node TEXT NOT NULL,
            object_id TEXT,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL);
        CREATE INDEX object_version_added ON object_version(added, pk);
        CREATE TABLE withdrawal_tombstone (
            node TEXT NOT NULL,
            object_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            target TEXT NOT NULL,
            PRIMARY KEY (node, object_id, kind, target)) WITHOUT ROWID;
        CREATE TABLE release_change (
            seq INTEGER PRIMARY KEY,
            version_pk INTEGER NOT NULL,
            object_id TEXT NOT NULL);
        """,
        """
        CREATE TABLE store_key (
            name TEXT PRIMARY KEY,
            last INTEGER NOT NULL);
        INSERT INTO store_key (name, last) SELECT 'object_version', coalesce(max(pk), 0) FROM object_version;
        """,
        """
        -- Versions are found by a 64-bit key of their id (SqliteIdKey) instead of the id text: a far smaller index.
        ALTER TABLE object_version ADD COLUMN id_key INTEGER NOT NULL DEFAULT 0;
        UPDATE object_version SET id_key = concord_id_key(object_id);
        CREATE INDEX object_version_id ON object_version(id_key);
        DROP INDEX object_version_key;
        """,
    ];
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The 64-bit key SQLite indexes object versions by instead of their id text: the first eight bytes of the SHA-256 of
/// the id's UTF-8. Ids are random UUIDs, so every insert lands on a random page of the id index; an index of 8-byte
/// integers is a fifth the size of one of ~70-byte (id, version, originator) entries and stays in the page cache, which
/// made a 1,000,000-object import's inserts ≈ 40 % faster. Every lookup compares <c>object_id</c> as well, so two ids
/// that share a key are never confused; a cryptographic hash keeps a partner from choosing ids that pile onto one key.
/// </summary>
public static class SqliteIdKey
{
    /// <summary>The SQL function name under which migrations can compute the key of stored rows.</summary>
    public const string FunctionName = "concord_id_key";

    /// <summary>The key of an object id.</summary>
    public static long Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> utf8 = id.Length <= 256 ? stackalloc byte[id.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(id.Length)];
        var length = Encoding.UTF8.GetBytes(id, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

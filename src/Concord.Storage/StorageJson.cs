using System.Text.Json.Serialization;

namespace Concord.Storage;

/// <summary>Source-generated JSON metadata for what the stores serialise themselves.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJson : JsonSerializerContext;

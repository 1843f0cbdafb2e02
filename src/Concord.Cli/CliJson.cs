using System.Text.Json.Serialization;
using Concord.Server.Admin;
using Concord.Server.Directory;
using Concord.Server.Import;

namespace Concord.Cli;

/// <summary>Source-generated JSON metadata for what the CLI prints with <c>--json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PartyView))]
[JsonSerializable(typeof(IReadOnlyList<PartyView>))]
[JsonSerializable(typeof(ChannelView))]
[JsonSerializable(typeof(IReadOnlyList<ChannelView>))]
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(IReadOnlyList<MemberView>))]
[JsonSerializable(typeof(NewKeyResponse))]
[JsonSerializable(typeof(IReadOnlyList<NewKeyResponse>))]
[JsonSerializable(typeof(AuditVerifyResponse))]
[JsonSerializable(typeof(Hosting.InitResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(Demo.DemoNode))]
[JsonSerializable(typeof(Objects.SearchHit))]
[JsonSerializable(typeof(IReadOnlyList<Objects.SearchHit>))]
[JsonSerializable(typeof(KeyListEntry))]
[JsonSerializable(typeof(IReadOnlyList<KeyListEntry>))]
[JsonSerializable(typeof(Concord.Storage.Deconfliction.OperationResult))]
[JsonSerializable(typeof(IReadOnlyList<Concord.Storage.Deconfliction.OperationView>))]
[JsonSerializable(typeof(IReadOnlyList<Concord.Storage.Deconfliction.NoticeView>))]
[JsonSerializable(typeof(Federation.NodeView))]
[JsonSerializable(typeof(IReadOnlyList<Federation.PeerView>))]
[JsonSerializable(typeof(IReadOnlyList<Federation.SyncView>))]
[JsonSerializable(typeof(IReadOnlyList<Federation.RefusalView>))]
internal sealed partial class CliJson : JsonSerializerContext;

/// <summary>An API key as listed (never the token).</summary>
internal sealed record KeyListEntry(string KeyId, string Member, DateTimeOffset Created, DateTimeOffset? Revoked);

using System.Text.Json.Serialization;
using Concord.Server.Admin;
using Concord.Server.Directory;
using Concord.Server.Import;
using Concord.Server.Objects;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Server;

/// <summary>Source-generated JSON metadata for every body the API reads or writes (STIX bodies are written directly).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(ReleaseRequest))]
[JsonSerializable(typeof(CountResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(PartyView))]
[JsonSerializable(typeof(IReadOnlyList<PartyView>))]
[JsonSerializable(typeof(ChannelView))]
[JsonSerializable(typeof(IReadOnlyList<ChannelView>))]
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(IReadOnlyList<MemberView>))]
[JsonSerializable(typeof(MeView))]
[JsonSerializable(typeof(AddPartyRequest))]
[JsonSerializable(typeof(AddChannelRequest))]
[JsonSerializable(typeof(AddMemberRequest))]
[JsonSerializable(typeof(ChannelMemberRequest))]
[JsonSerializable(typeof(NewKeyResponse))]
[JsonSerializable(typeof(AuditVerifyResponse))]
[JsonSerializable(typeof(Concord.Server.Hosting.HealthResponse))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(Concord.Storage.Deconfliction.OperationResult))]
[JsonSerializable(typeof(IReadOnlyList<Concord.Storage.Deconfliction.OperationView>))]
[JsonSerializable(typeof(Concord.Storage.Deconfliction.NoticeView))]
[JsonSerializable(typeof(IReadOnlyList<Concord.Storage.Deconfliction.NoticeView>))]
[JsonSerializable(typeof(Concord.Server.Deconfliction.ResolveRequest))]
[JsonSerializable(typeof(Concord.Server.Deconfliction.WebhookRequest))]
[JsonSerializable(typeof(Concord.Server.Deconfliction.WebhookDelivery))]
[JsonSerializable(typeof(List<Concord.Server.Deconfliction.ErrorItem>))]
internal sealed partial class ServerJson : JsonSerializerContext;

using System.Text.Json.Serialization;
using Concord.Server.Graph;
using Concord.Server.Inbox;
using Concord.Server.Map;
using Concord.Server.Objects;
using Concord.Server.Releases;
using Concord.Server.Sessions;

namespace Concord.Server.Workspace;

/// <summary>Source-generated JSON metadata for the bodies of the web workspace's routes.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(SummaryPage))]
[JsonSerializable(typeof(MarkReadRequest))]
[JsonSerializable(typeof(GraphView))]
[JsonSerializable(typeof(ForwardingView))]
[JsonSerializable(typeof(MapView))]
[JsonSerializable(typeof(ReleasePreviewRequest))]
[JsonSerializable(typeof(ReleasePreview))]
internal sealed partial class WorkspaceJson : JsonSerializerContext;

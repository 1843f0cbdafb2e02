using System.Text.Json.Serialization;

namespace Concord.Cli.Demo;

/// <summary>Source-generated JSON metadata for the demo scenario file.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DemoScenarioFile))]
internal sealed partial class DemoJson : JsonSerializerContext;

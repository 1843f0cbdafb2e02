using System.Text;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;

namespace Concord.Domain.Tests.Support;

/// <summary>Small conveniences for feeding JSON nodes to the Domain.</summary>
internal static class StixJson
{
    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static StixValidation Validate(JsonNode node) => StixValidator.Validate(Bytes(node));

    public static StixValidation Validate(string json) => StixValidator.Validate(Encoding.UTF8.GetBytes(json));

    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static string Describe(IEnumerable<StixError> errors) => string.Join("; ", errors);
}

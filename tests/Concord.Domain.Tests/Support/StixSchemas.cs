using System.Collections.Concurrent;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Visitors;

namespace Concord.Domain.Tests.Support;

/// <summary>
/// The OASIS STIX 2.1 JSON schemas in data/stix2-json-schemas, loaded once per type with
/// <see cref="JsonSchema.FromFileAsync(string)"/> so their relative <c>$ref</c>s resolve against the files.
/// </summary>
internal static class StixSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Cache = new(StringComparer.Ordinal);

    public static string Root => Path.Combine(TestData.Root, "stix2-json-schemas");

    /// <summary>The schema file that describes a STIX type, relative to <see cref="Root"/>.</summary>
    public static string FileOf(string type) =>
        type switch
        {
            "marking-definition" or "language-content" or "extension-definition" or "bundle" => $"common/{type}.json",
            "relationship" or "sighting" => $"sros/{type}.json",
            _ when Domain.Stix.StixTypes.ObservableObjects.Contains(type) => $"observables/{type}.json",
            _ when Domain.Stix.StixTypes.DomainObjects.Contains(type) => $"sdos/{type}.json",
            _ => throw new ArgumentException($"no OASIS schema for '{type}'", nameof(type)),
        };

    public static Task<JsonSchema> ForType(string type) =>
        Cache.GetOrAdd(type, t => new Lazy<Task<JsonSchema>>(() => Load(Path.Combine(Root, FileOf(t))))).Value;

    private static async Task<JsonSchema> Load(string path)
    {
        var schema = await JsonSchema.FromFileAsync(path);
        new TimestampEnumRestorer().Visit(schema);
        return schema;
    }

    /// <summary>
    /// Validates one object's JSON against the schema of the type it names. The JSON is read with date parsing
    /// off: Newtonsoft would otherwise turn timestamps into dates, and the schema's patterns and enums of
    /// timestamps would then be checked against a re-formatted value.
    /// </summary>
    public static async Task<ICollection<ValidationError>> Validate(string type, string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return (await ForType(type)).Validate(JToken.ReadFrom(reader));
    }

    /// <summary>Every error, with the errors of failed sub-schemas (allOf, oneOf, …) flattened in.</summary>
    public static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? Flatten(child.Errors.Values.SelectMany(v => v)).Prepend(e)
            : [e]);

    /// <summary>One line per error for assertion messages.</summary>
    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("; ", Flatten(errors).Select(e => $"{e.Kind} {e.Path}"));

    /// <summary>
    /// NJsonSchema reads a timestamp string inside an <c>enum</c> (the TLP marking branch's <c>created</c>) as a
    /// <see cref="DateTime"/>, which no JSON string then equals; this puts the string back.
    /// </summary>
    private sealed class TimestampEnumRestorer : JsonSchemaVisitorBase
    {
        protected override JsonSchema VisitSchema(JsonSchema schema, string path, string? typeNameHint)
        {
            var dates = schema.Enumeration.OfType<DateTime>().ToList();
            foreach (var date in dates)
            {
                schema.Enumeration.Remove(date);
                schema.Enumeration.Add(date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            }

            return schema;
        }
    }
}

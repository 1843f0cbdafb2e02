using System.Globalization;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Tests.Support;

/// <summary>
/// A STIX object version to import, written as JSON with Concord's extension when it names a release.
/// SDOs get <c>created</c> at <see cref="Epoch"/> and <c>modified</c> <see cref="Version"/> minutes later;
/// observables (no <see cref="Version"/>) carry <see cref="Value"/> instead.
/// </summary>
public sealed record TestObject(StixId Id)
{
    public static readonly DateTimeOffset Epoch = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public int? Version { get; init; } = 0;

    public string? Name { get; init; } = "Unnamed";

    public string? Description { get; init; }

    public string? Value { get; init; }

    public bool Revoked { get; init; }

    public IReadOnlyList<PartyId>? ReleaseParties { get; init; }

    public IReadOnlyList<ChannelId>? ReleaseChannels { get; init; }

    public TlpLevel? Tlp { get; init; }

    public StixId? Source { get; init; }

    public StixId? Target { get; init; }

    public static TestObject Relationship(StixId source, StixId target) =>
        new(StixId.New("relationship")) { Version = 1, Name = null, Source = source, Target = target };

    public static TestObject ThreatActor(int version, string name) => new(StixId.New("threat-actor")) { Version = version, Name = name };

    /// <summary>The version key the store should give it.</summary>
    public long VersionTicks => Version is { } v ? Epoch.AddMinutes(v).UtcTicks : 0;

    public TestObject ReleasedTo(params PartyId[] parties) => this with { ReleaseParties = parties, ReleaseChannels = ReleaseChannels ?? [] };

    public TestObject ReleasedTo(params ChannelId[] channels) => this with { ReleaseChannels = channels, ReleaseParties = ReleaseParties ?? [] };

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", Id.Type);
            writer.WriteString("spec_version", "2.1");
            writer.WriteString("id", Id.ToString());
            if (Version is { } v)
            {
                writer.WriteString("created", Stamp(Epoch));
                writer.WriteString("modified", Stamp(Epoch.AddMinutes(v)));
            }

            if (Name is not null)
            {
                writer.WriteString("name", Name);
            }

            if (Description is not null)
            {
                writer.WriteString("description", Description);
            }

            if (Value is not null)
            {
                writer.WriteString("value", Value);
            }

            if (Source is { } source && Target is { } target)
            {
                writer.WriteString("relationship_type", "related-to");
                writer.WriteString("source_ref", source.ToString());
                writer.WriteString("target_ref", target.ToString());
            }

            if (Tlp is { } tlp)
            {
                writer.WriteStartArray("object_marking_refs");
                writer.WriteStringValue(Concord.Domain.Stix.Tlp.MarkingIdOf(tlp));
                writer.WriteEndArray();
            }

            if (Revoked)
            {
                writer.WriteBoolean("revoked", true);
            }

            if (ReleaseParties is not null || ReleaseChannels is not null)
            {
                writer.WriteStartObject("extensions");
                writer.WriteStartObject(ConcordExtension.Id);
                writer.WriteString("extension_type", "property-extension");
                writer.WriteStartObject("release");
                writer.WriteStartArray("parties");
                foreach (var p in ReleaseParties ?? [])
                {
                    writer.WriteStringValue(p.Value);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("channels");
                foreach (var c in ReleaseChannels ?? [])
                {
                    writer.WriteStringValue(c.Value);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace Concord.Bench;

/// <summary>
/// Writes a synthetic but realistic STIX 2.1 bundle: threat actors, intrusion sets, incidents, indicators,
/// locations, reports and relationships of a few hundred bytes each, with names in Latin, Cyrillic and Arabic
/// script and Concord's extension releasing each to a channel. Deterministic for a given seed.
/// </summary>
internal static class BundleGenerator
{
    private static readonly string[] Types = ["threat-actor", "intrusion-set", "incident", "indicator", "location", "report", "relationship"];
    private static readonly string[] Names = ["Vilayat Khorasan cell", "Вилаят Хорасан", "ولایت خراسان", "Tehrik-e Taliban network", "تحریک طالبان", "Al-Qaida in the Indian Subcontinent", "Аль-Каида", "القاعدة", "Border crossing group", "Financing facilitator"];

    public static async Task WriteAsync(string path, int count, int seed)
    {
        await using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await file.WriteAsync("{\"type\":\"bundle\",\"id\":\"bundle--0b7c2f6e-3c1d-4b8a-9e2f-5a6b7c8d9e0f\",\"objects\":[\n");
        var sb = new StringBuilder(1024);
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            Object(sb, i, seed);
            if (i > 0)
            {
                await file.WriteAsync(",\n");
            }

            await file.WriteAsync(sb);
        }

        await file.WriteAsync("\n]}\n");
    }

    /// <summary>The id of object number <paramref name="i"/>.</summary>
    public static string Id(string type, int i, int seed) => $"{type}--{Uuid(i, seed)}";

    public static string TypeOf(int i) => Types[i % Types.Length];

    public static void Object(StringBuilder sb, int i, int seed)
    {
        var type = TypeOf(i);
        var id = Id(type, i, seed);
        var created = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var name = Names[i % Names.Length] + " " + i.ToString(CultureInfo.InvariantCulture);
        sb.Append("{\"type\":\"").Append(type).Append("\",\"spec_version\":\"2.1\",\"id\":\"").Append(id)
          .Append("\",\"created\":\"").Append(created).Append("\",\"modified\":\"").Append(created).Append('"');
        switch (type)
        {
            case "indicator":
                sb.Append(",\"name\":\"").Append(name).Append("\",\"pattern\":\"[ipv4-addr:value = '10.").Append(i % 250).Append('.').Append((i / 250) % 250)
                  .Append(".1']\",\"pattern_type\":\"stix\",\"valid_from\":\"").Append(created).Append('"');
                break;
            case "location":
                sb.Append(",\"name\":\"").Append(name).Append("\",\"country\":\"AF\",\"latitude\":").Append(34 + (i % 100) / 100.0).Append(",\"longitude\":").Append(69 + (i % 50) / 50.0);
                break;
            case "report":
                sb.Append(",\"name\":\"").Append(name).Append("\",\"published\":\"").Append(created).Append("\",\"object_refs\":[\"").Append(Id(TypeOf(i - 1), i - 1, seed)).Append("\"]");
                break;
            case "relationship":
                sb.Append(",\"relationship_type\":\"attributed-to\",\"source_ref\":\"").Append(Id("incident", i - 4, seed)).Append("\",\"target_ref\":\"").Append(Id("threat-actor", i - 6, seed)).Append('"');
                break;
            default:
                sb.Append(",\"name\":\"").Append(name).Append("\",\"aliases\":[\"").Append(Names[(i + 3) % Names.Length]).Append("\"]");
                break;
        }

        sb.Append(",\"description\":\"Assessed from partner reporting, item ").Append(i).Append("; movements along the border districts and financing through hawala networks.\"");
        sb.Append(",\"object_marking_refs\":[\"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421\"]");
        sb.Append(",\"extensions\":{\"extension-definition--c0c0a2d1-7f3e-4b8a-9d6c-2e5f1a4b8c3d\":{\"extension_type\":\"property-extension\",\"release\":{\"channels\":[\"bench-channel\"],\"parties\":[]},\"grading\":\"B2\"}}}");
    }

    private static string Uuid(int i, int seed)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), i);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), seed);
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 4), i * 2654435761u);
        BitConverter.TryWriteBytes(bytes.AsSpan(12, 4), (uint)(seed * 40503) ^ (uint)i);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}

namespace Concord.Bench;

/// <summary>Rendered TAXII envelopes, one after another with their lengths, for the floors to replay.</summary>
internal static class PageFile
{
    public static void Write(BinaryWriter writer, ReadOnlySpan<byte> page)
    {
        writer.Write(page.Length);
        writer.Write(page);
    }

    public static List<byte[]> ReadAll(string path)
    {
        using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan));
        var pages = new List<byte[]>();
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            pages.Add(reader.ReadBytes(reader.ReadInt32()));
        }

        return pages;
    }
}

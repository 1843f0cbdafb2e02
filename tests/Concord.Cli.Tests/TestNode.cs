namespace Concord.Cli.Tests;

/// <summary>
/// One test's node: its own temp folder with <c>concord.db</c> in it, and the <c>concord</c> command line run
/// in-process against that store with captured output.
/// </summary>
internal sealed class TestNode : IDisposable
{
    private TestNode(string folder) => Folder = folder;

    public string Folder { get; }

    public string Store => Path.Combine(Folder, "concord.db");

    public static TestNode Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "concord-cli-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        return new TestNode(folder);
    }

    /// <summary>A node with an administrator, three parties, one channel and an analyst in each party.</summary>
    public static async Task<TestNode> CreateWithPartiesAsync()
    {
        var node = Create();
        await node.OkAsync("init");
        await node.OkAsync("party", "add", "ru-fsb", "--name", "Federal Security Service", "--country", "RU");
        await node.OkAsync("party", "add", "us-fbi", "--name", "Federal Bureau of Investigation", "--country", "US");
        await node.OkAsync("party", "add", "pk-isi", "--name", "Inter-Services Intelligence", "--country", "PK");
        await node.OkAsync("channel", "add", "us-ru-wg", "--name", "US-Russia working group", "--member", "ru-fsb", "--member", "us-fbi");
        foreach (var party in new[] { "ru-fsb", "us-fbi", "pk-isi" })
        {
            await node.OkAsync("member", "add", $"analyst@{party}");
        }

        return node;
    }

    /// <summary>Runs <c>concord args --store &lt;this node's store&gt;</c> in-process.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--store", Store], output, error);
        return new CliResult(args, exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command that must succeed.</summary>
    public async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} exited {result.ExitCode}: {result.Error}");
        return result;
    }

    /// <summary>Writes a file into the node's folder and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test's outcome is what matters.
        }
    }
}

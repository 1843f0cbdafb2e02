using System.Runtime.CompilerServices;

namespace Concord.Server.Tests.Wire;

/// <summary>
/// Compares a scrubbed response body with <c>Approved/&lt;name&gt;.approved.json</c> in this project's source
/// folder. A missing or different file fails the test and leaves <c>&lt;name&gt;.received.json</c> beside it;
/// with <c>CONCORD_APPROVE=1</c> the received text is written as the approved file instead.
/// </summary>
internal static class ApprovedFile
{
    public const string ApproveVariable = "CONCORD_APPROVE";

    public static void Verify(string name, string body)
    {
        var received = Scrubber.Scrub(body);
        var folder = Path.Combine(ProjectFolder(), "Approved");
        var approvedPath = Path.Combine(folder, name + ".approved.json");
        var receivedPath = Path.Combine(folder, name + ".received.json");
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"no approved file {approvedPath}; review {receivedPath} and run with {ApproveVariable}=1 to approve it.\n{received}"
            : $"{name}: the answer differs from {approvedPath} (received: {receivedPath}).\n--- approved\n{approved}\n--- received\n{received}");
    }

    private static string ProjectFolder([CallerFilePath] string thisFile = "")
    {
        var fromSource = Path.GetDirectoryName(Path.GetDirectoryName(thisFile));
        if (fromSource is not null && File.Exists(Path.Combine(fromSource, "Concord.Server.Tests.csproj")))
        {
            return fromSource;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Concord.Server.Tests");
            if (File.Exists(Path.Combine(candidate, "Concord.Server.Tests.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("cannot find the source folder of Concord.Server.Tests");
    }
}

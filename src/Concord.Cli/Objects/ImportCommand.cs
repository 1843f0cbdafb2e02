using System.CommandLine;
using Concord.Domain.Releasability;
using Concord.Server.Import;
using Concord.Storage.Access;
using Concord.Storage.Import;
using Spectre.Console;

namespace Concord.Cli.Objects;

/// <summary><c>concord import &lt;files|folders&gt;</c>: imports STIX bundles as a member's party, streamed.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "STIX bundle files, or folders to search for *.json.", Arity = ArgumentArity.OneOrMore };
        var actAs = CliOptions.As();
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Refuse a whole file when any object in it is refused." };
        var release = new ReleaseOptions();
        var command = new Command("import", "Import STIX 2.1 bundles as a member's party; objects without a Concord release get the --channel/--party given here.") { paths, actAs, allOrNothing };
        release.AddTo(command, withHandling: true);
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            if (await context.Store.Directory.GetPartyAsync(actor.RequireReader().Party, cancellationToken) is { Node: { } home })
            {
                throw new CliException($"--as: party '{actor.Party}' is hosted by node '{home}': it publishes through its own node");
            }

            var defaultRelease = release.Release(parse);
            await CheckDefaultReleaseAsync(context, actor, defaultRelease, cancellationToken);
            var files = Expand(parse.GetValue(paths)!);
            var importer = new Importer(context.Store);
            var reports = new List<(string File, ImportReport Report)>();
            var showProgress = !context.Json && !Console.IsOutputRedirected;
            foreach (var file in files)
            {
                var request = new ImportRequest(actor, defaultRelease, release.Handling(parse), release.GradingOf(parse), parse.GetValue(allOrNothing), Path.GetFileName(file));
                await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
                ImportReport report;
                if (showProgress)
                {
                    report = await context.Console().Progress().AutoClear(true).StartAsync(async progress =>
                    {
                        var task = progress.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: Math.Max(1, input.Length));
                        var reporter = new Progress<ImportProgress>(p => task.Value = p.BytesRead);
                        return await importer.ImportAsync(input, request, reporter, cancellationToken);
                    });
                }
                else
                {
                    report = await importer.ImportAsync(input, request, null, cancellationToken);
                }

                reports.Add((file, report));
            }

            Print(context, reports);
            var rejected = reports.Sum(r => r.Report.Rejected);
            if (rejected > 0)
            {
                await (CliRunner.Current.Value?.Error ?? Console.Error).WriteLineAsync($"concord: {rejected} object(s) refused; see the problems above");
                return 1;
            }

            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Refuses --party and --channel values the importer would refuse for every object, so a mistyped option is one
    /// line naming it rather than a problem per object pointing into the files. A channel the party is not in reads
    /// the same as one that does not exist.
    /// </summary>
    private static async Task CheckDefaultReleaseAsync(CliContext context, Actor actor, Release release, CancellationToken cancellationToken)
    {
        var parties = (await context.Store.Directory.ListPartiesAsync(cancellationToken)).Select(p => p.Id).ToHashSet();
        var party = release.Parties.FirstOrDefault(p => !parties.Contains(p));
        if (party.Value is not null)
        {
            throw new CliException($"--party: unknown party '{party}'");
        }

        var channel = release.Channels.FirstOrDefault(c => !actor.RequireReader().Channels.Contains(c));
        if (channel.Value is not null)
        {
            throw new CliException($"--channel: unknown channel '{channel}' (a party releases only to channels it is a member of)");
        }
    }

    private static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (System.IO.Directory.Exists(path))
            {
                files.AddRange(System.IO.Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliException($"'{path}' is neither a file nor a folder");
            }
        }

        return files;
    }

    private static void Print(CliContext context, List<(string File, ImportReport Report)> reports)
    {
        if (context.Json)
        {
            foreach (var (_, r) in reports)
            {
                context.WriteJson(ToResponse(r), CliJson.Default.ImportResponse);
            }

            return;
        }

        context.WriteTable(
            ["file", "received", "new", "unchanged", "refused", "stored"],
            reports.Select(r => new[] { r.File, r.Report.Received.ToString(), r.Report.Inserted.ToString(), r.Report.Unchanged.ToString(), r.Report.Rejected.ToString(), r.Report.Committed ? "yes" : "no (all-or-nothing)" }));
        foreach (var (file, report) in reports)
        {
            foreach (var problem in report.Problems)
            {
                context.Output.WriteLine($"{file}{problem.Pointer}: {problem.Message}");
            }
        }
    }

    private static ImportResponse ToResponse(ImportReport r) =>
        new(r.Received, r.Inserted, r.Unchanged, r.Rejected, r.Committed, r.Problems.Select(p => new ImportProblemView(p.Index, p.Pointer, p.Id, p.Message)).ToList());
}

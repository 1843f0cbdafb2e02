using Concord.Server.Admin;

namespace Concord.Cli.Demo;

/// <summary>What <c>concord demo</c> made: where it serves, its store, and one API key per member.</summary>
internal sealed record DemoNode(string Url, string Store, IReadOnlyList<NewKeyResponse> Keys);

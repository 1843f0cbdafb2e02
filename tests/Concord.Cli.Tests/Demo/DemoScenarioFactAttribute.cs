namespace Concord.Cli.Tests.Demo;

/// <summary>A fact that needs the demo scenario embedded in concord.dll, and says so when it is not.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DemoScenarioFactAttribute : FactAttribute
{
    public const string Resource = "demo/scenario.json";

    public DemoScenarioFactAttribute()
    {
        if (!IsEmbedded)
        {
            Skip = $"concord.dll embeds no {Resource}: src/Concord.Cli/Demo/scenario.json does not exist on this branch yet";
        }
    }

    public static bool IsEmbedded => typeof(CliApp).Assembly.GetManifestResourceNames().Contains(Resource, StringComparer.Ordinal);
}

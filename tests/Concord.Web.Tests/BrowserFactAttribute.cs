namespace Concord.Web.Tests;

/// <summary>A fact that drives Chromium; skipped with the reason when the browser is missing and not required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

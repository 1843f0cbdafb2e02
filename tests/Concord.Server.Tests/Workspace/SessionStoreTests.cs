using Concord.Domain.Directory;
using Concord.Server.Hosting;
using Concord.Server.Sessions;

namespace Concord.Server.Tests.Workspace;

public sealed class SessionStoreTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_session_ends_after_the_idle_timeout_but_each_request_extends_it()
    {
        var clock = new Clock(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new SessionStore(new ServerOptions { SessionIdleMinutes = 30 }, clock);
        var (token, _) = store.Open(MemberId.Parse("analyst@ru-fsb"), "0123456789abcdef");

        clock.Now += TimeSpan.FromMinutes(29);
        Assert.NotNull(store.Find(token));
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.NotNull(store.Find(token));
        clock.Now += TimeSpan.FromMinutes(31);
        Assert.Null(store.Find(token));
        Assert.Null(store.Find(token));
    }

    [Fact]
    public void A_busy_session_still_ends_after_its_maximum_lifetime()
    {
        var clock = new Clock(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new SessionStore(new ServerOptions { SessionIdleMinutes = 30 }, clock);
        var (token, _) = store.Open(MemberId.Parse("analyst@ru-fsb"), "0123456789abcdef");

        for (var i = 0; i <= 12 * 4; i++)
        {
            clock.Now += TimeSpan.FromMinutes(15);
            _ = store.Find(token);
        }

        Assert.Null(store.Find(token));
    }

    [Fact]
    public void Unknown_and_oversized_tokens_find_nothing()
    {
        var store = new SessionStore(new ServerOptions(), TimeProvider.System);

        Assert.Null(store.Find(null));
        Assert.Null(store.Find("not-a-session"));
        Assert.Null(store.Find(new string('a', 10_000)));
    }
}

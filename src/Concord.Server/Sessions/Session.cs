using Concord.Domain.Directory;

namespace Concord.Server.Sessions;

/// <summary>
/// A signed-in browser: the member it stands for, the API key it was opened with (revoking the key ends it),
/// its CSRF token, and when it was last used.
/// </summary>
internal sealed class Session(MemberId member, string keyId, string csrfToken, DateTimeOffset opened)
{
    private long _lastSeen = opened.UtcTicks;

    public MemberId Member { get; } = member;

    public string KeyId { get; } = keyId;

    public string CsrfToken { get; } = csrfToken;

    public DateTimeOffset Opened { get; } = opened;

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeen), TimeSpan.Zero);

    public void Touch(DateTimeOffset at) => Interlocked.Exchange(ref _lastSeen, at.UtcTicks);
}

using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Concord.Domain.Directory;
using Concord.Server.Hosting;

namespace Concord.Server.Sessions;

/// <summary>
/// The node's browser sessions, held in memory: a session token is 256 random bits, and only its SHA-256 is
/// kept, so a memory dump does not hand out live sessions. A session ends when signed out, after
/// <see cref="ServerOptions.SessionIdleMinutes"/> without a request, after <see cref="MaxLifetime"/> in all, or
/// when the server restarts (members sign in again).
/// </summary>
internal sealed class SessionStore(ServerOptions options, TimeProvider clock)
{
    /// <summary>The longest a session lives, however busy.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(options.SessionIdleMinutes);

    /// <summary>Opens a session and returns its token (for the cookie) and the session.</summary>
    public (string Token, Session Session) Open(MemberId member, string keyId)
    {
        Sweep();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new Session(member, keyId, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), clock.GetUtcNow());
        _sessions[Hash(token)] = session;
        return (token, session);
    }

    /// <summary>The live session for a token, touched; null (and forgotten) when unknown or expired.</summary>
    public Session? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100 || !_sessions.TryGetValue(Hash(token), out var session))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - session.LastSeen > IdleTimeout || now - session.Opened > MaxLifetime)
        {
            _sessions.TryRemove(Hash(token), out _);
            return null;
        }

        session.Touch(now);
        return session;
    }

    /// <summary>Ends a session.</summary>
    public void Close(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _sessions.TryRemove(Hash(token), out _);
        }
    }

    /// <summary>Ends every session of a member (used when its key stops being valid).</summary>
    public void CloseAll(MemberId member)
    {
        foreach (var (hash, session) in _sessions)
        {
            if (session.Member == member)
            {
                _sessions.TryRemove(hash, out _);
            }
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, session) in _sessions)
        {
            if (now - session.LastSeen > IdleTimeout || now - session.Opened > MaxLifetime)
            {
                _sessions.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

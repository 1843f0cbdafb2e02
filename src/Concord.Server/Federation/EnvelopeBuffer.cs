using System.Buffers;

namespace Concord.Server.Federation;

/// <summary>
/// A rendered TAXII envelope in an array rented from the shared pool. A push page is ≈ 14 MiB; a fresh array of that
/// size for every page (twice over, with a memory stream's final copy) is large-object-heap garbage that only a full
/// collection frees, and on a busy node those collections cost more than rendering the page. Dispose returns it.
/// </summary>
internal sealed class EnvelopeBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _written;

    /// <summary>A buffer of at least <paramref name="capacity"/> bytes; it grows if the envelope turns out larger.</summary>
    public EnvelopeBuffer(int capacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
    }

    /// <summary>The envelope written so far.</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _written);

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _array.Length)));
        _array.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}

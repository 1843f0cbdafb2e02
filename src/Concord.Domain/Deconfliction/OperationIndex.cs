namespace Concord.Domain.Deconfliction;

/// <summary>
/// The active operations of a node, indexed so that the conflicts of a new or amended operation are found
/// without looking at the rest. Each operation is filed under every (latitude cell, longitude cell, day) its
/// conservative box and window cover: the box is that of its <see cref="SphericalCap"/> (every longitude at a
/// pole; wrapped across the antimeridian). A query visits the candidate's own keys, drops duplicates, and
/// decides each candidate with <see cref="ConflictRule"/>, so it finds exactly what brute force finds (a
/// property test checks that). Operations that would need more than <see cref="MaxKeys"/> keys (very large or
/// very long) are kept on a short list that every query checks. Not thread-safe: callers serialise.
/// </summary>
public sealed class OperationIndex
{
    private readonly double _cell;
    private readonly int _latCells;
    private readonly int _lonCells;
    private readonly long _bucketTicks;
    private readonly Dictionary<long, List<Entry>> _cells = [];
    private readonly List<int> _large = [];
    private readonly Dictionary<OperationId, int> _slotOf = [];
    private Slot[] _slots = new Slot[1024];
    private int[] _stamps = new int[1024];
    private int _stamp;
    private int _used;
    private int _dead;

    /// <summary>An empty index with cells of <paramref name="cellDegrees"/> and time buckets of <paramref name="bucket"/> (default 1 day).</summary>
    public OperationIndex(double cellDegrees = 0.25, TimeSpan? bucket = null, int maxKeys = 4096)
    {
        if (!(cellDegrees >= 0.01) || cellDegrees > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(cellDegrees), "cells must be between 0.01 and 90 degrees");
        }

        _cell = cellDegrees;
        _latCells = (int)Math.Ceiling(180 / cellDegrees);
        _lonCells = (int)Math.Ceiling(360 / cellDegrees);
        _bucketTicks = (bucket ?? TimeSpan.FromDays(1)).Ticks;
        MaxKeys = maxKeys;
    }

    /// <summary>Most keys an operation is filed under before it goes on the short list of large ones.</summary>
    public int MaxKeys { get; }

    /// <summary>How many active operations the index holds.</summary>
    public int Count => _slotOf.Count;

    /// <summary>The active operations held.</summary>
    public IEnumerable<OperationVersion> Active => _slotOf.Values.Select(i => _slots[i].Version);

    /// <summary>The version held for an operation, or null.</summary>
    public OperationVersion? Get(OperationId id) => _slotOf.TryGetValue(id, out var slot) ? _slots[slot].Version : null;

    /// <summary>Takes a new version into account: an active one replaces the previous one, any other removes the operation.</summary>
    public void Apply(OperationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        Remove(version.Id);
        if (!version.IsActive)
        {
            return;
        }

        var from = version.Plan.Window.From.UtcTicks;
        var until = version.Plan.Window.Until.UtcTicks;
        if (_used == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _stamps, _slots.Length);
        }

        var index = _used++;
        var keys = Keys(version.Plan.Area.Cap, from, until);
        _slots[index] = new Slot(version, from, until, keys is null);
        _slotOf[version.Id] = index;
        if (keys is null)
        {
            _large.Add(index);
            return;
        }

        var entry = Entry.Of(index, version.Plan.Area.Cap, from, until);
        foreach (var key in keys)
        {
            if (!_cells.TryGetValue(key, out var list))
            {
                list = new List<Entry>(4);
                _cells[key] = list;
            }

            list.Add(entry);
        }
    }

    /// <summary>Removes an operation; false when it was not held.</summary>
    public bool Remove(OperationId id)
    {
        if (!_slotOf.Remove(id, out var slot))
        {
            return false;
        }

        _slots[slot] = _slots[slot] with { Alive = false };
        if (_slots[slot].Large)
        {
            _large.Remove(slot);
        }

        if (++_dead > 1024 && _dead > _slotOf.Count)
        {
            Compact();
        }

        return true;
    }

    /// <summary>Every held operation that conflicts with <paramref name="candidate"/> (never itself).</summary>
    public IReadOnlyList<Conflict> FindConflicts(OperationVersion candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var conflicts = new List<Conflict>();
        if (!candidate.IsActive)
        {
            return conflicts;
        }

        var from = candidate.Plan.Window.From.UtcTicks;
        var until = candidate.Plan.Window.Until.UtcTicks;
        var stamp = ++_stamp;
        var keys = Keys(candidate.Plan.Area.Cap, from, until);
        if (keys is null)
        {
            for (var i = 0; i < _used; i++)
            {
                Consider(i);
            }

            return conflicts;
        }

        var probe = Entry.Of(-1, candidate.Plan.Area.Cap, from, until);
        foreach (var key in keys)
        {
            if (_cells.TryGetValue(key, out var list))
            {
                // Filter on the entry's inline copy of the window and cap first: the slot is read only for survivors.
                foreach (ref readonly var entry in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
                {
                    if (entry.MayMeet(probe))
                    {
                        Consider(entry.Slot);
                    }
                }
            }
        }

        foreach (var i in _large)
        {
            Consider(i);
        }

        return conflicts;

        void Consider(int i)
        {
            if (_stamps[i] == stamp)
            {
                return;
            }

            _stamps[i] = stamp;
            ref readonly var slot = ref _slots[i];
            if (!slot.Alive || slot.From >= until || from >= slot.Until)
            {
                return;
            }

            if (ConflictRule.Overlap(candidate, slot.Version) is { } span)
            {
                conflicts.Add(new Conflict(candidate, slot.Version, span.From, span.Until));
            }
        }
    }

    private List<long>? Keys(SphericalCap cap, long from, long until)
    {
        var box = cap.Envelope();
        var firstBucket = from / _bucketTicks;
        var lastBucket = (until - 1) / _bucketTicks;
        var south = Math.Clamp((int)Math.Floor((box.South + 90) / _cell), 0, _latCells - 1);
        var north = Math.Clamp((int)Math.Floor((box.North + 90) / _cell), 0, _latCells - 1);
        int west, lonCount;
        if (box.West <= -180 && box.East >= 180)
        {
            (west, lonCount) = (0, _lonCells);
        }
        else
        {
            west = LonCell(box.West);
            var east = LonCell(box.East);
            lonCount = Math.Min(_lonCells, (east >= west ? east - west : east + _lonCells - west) + 1);
        }

        var count = (long)(north - south + 1) * lonCount * (lastBucket - firstBucket + 1);
        if (count > MaxKeys)
        {
            return null;
        }

        var keys = new List<long>((int)count);
        for (var bucket = firstBucket; bucket <= lastBucket; bucket++)
        {
            for (var lat = south; lat <= north; lat++)
            {
                for (var k = 0; k < lonCount; k++)
                {
                    keys.Add((bucket << 32) | ((long)lat << 16) | (long)((west + k) % _lonCells));
                }
            }
        }

        return keys;
    }

    private int LonCell(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / _cell), 0, _lonCells - 1);

    private void Compact()
    {
        var live = _slotOf.Values.Order().Select(i => _slots[i].Version).ToList();
        _cells.Clear();
        _large.Clear();
        _slotOf.Clear();
        _slots = new Slot[Math.Max(1024, live.Count * 2)];
        _stamps = new int[_slots.Length];
        _used = 0;
        _dead = 0;
        foreach (var version in live)
        {
            Apply(version);
        }
    }

    private readonly record struct Slot(OperationVersion Version, long From, long Until, bool Large, bool Alive = true);

    /// <summary>
    /// A slot as filed under a key, with a conservative copy of its window (whole minutes, widened) and its cap (a
    /// ball around the cap's centre whose radius is the cap's chord, widened for single precision): two caps can
    /// meet only if their centres are no farther apart than the sum of these radii.
    /// </summary>
    private readonly record struct Entry(int Slot, int From, int Until, float X, float Y, float Z, float Radius)
    {
        private const long TicksPerMinute = TimeSpan.TicksPerMinute;

        public static Entry Of(int slot, SphericalCap cap, long from, long until) => new(
            slot,
            (int)(from / TicksPerMinute),
            (int)((until + TicksPerMinute - 1) / TicksPerMinute),
            (float)cap.X,
            (float)cap.Y,
            (float)cap.Z,
            (float)((2 * Math.Sin(Math.Min(Math.PI, cap.Angle) / 2)) + 1e-4));

        public bool MayMeet(in Entry other)
        {
            if (From > other.Until || other.From > Until)
            {
                return false;
            }

            var dx = X - other.X;
            var dy = Y - other.Y;
            var dz = Z - other.Z;
            var reach = Radius + other.Radius;
            return (dx * dx) + (dy * dy) + (dz * dz) <= reach * reach;
        }
    }
}

using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Concord.Domain.Stix;

namespace Concord.Bench;

/// <summary>
/// Micro-benchmark of the per-object import work: Concord's validation (parse, check, minify, search text)
/// beside its floor, a bare JsonDocument parse of the same bytes.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private byte[][] _objects = [];

    [GlobalSetup]
    public void Setup()
    {
        _objects = Enumerable.Range(0, 7).Select(i =>
        {
            var sb = new StringBuilder();
            BundleGenerator.Object(sb, i + 700, seed: 7);
            return Encoding.UTF8.GetBytes(sb.ToString());
        }).ToArray();
    }

    [Benchmark(Baseline = true, Description = "floor: JsonDocument.Parse")]
    public int Parse()
    {
        var n = 0;
        foreach (var o in _objects)
        {
            using var doc = JsonDocument.Parse(o);
            n += doc.RootElement.GetPropertyCount();
        }

        return n;
    }

    [Benchmark(Description = "StixValidator.Validate")]
    public int Validate()
    {
        var n = 0;
        foreach (var o in _objects)
        {
            n += StixValidator.Validate(o, "/objects/1").Object!.Json.Length;
        }

        return n;
    }
}

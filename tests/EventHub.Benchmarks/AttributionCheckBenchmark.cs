using BenchmarkDotNet.Attributes;
using EventHub.Core.Attribution;
using EventHub.TestSupport;

namespace EventHub.Benchmarks;

/// <summary>The non-attribution check on a 10,000-word draft against 1,000 participants (aim: under 100 ms), as run on every save.</summary>
[MemoryDiagnoser]
public class AttributionCheckBenchmark
{
    private string draft = "";
    private AttributionContext context = null!;

    [GlobalSetup]
    public void Setup() => (draft, context) = AttributionWorkload.Create(words: 10_000, participants: 1_000);

    [Benchmark]
    public int Check10000WordsAgainst1000Participants() => AttributionChecker.Check(draft, context).Count;
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace EventHub.Benchmarks;

/// <summary>Runs the benchmarks: dotnet run -c Release --project tests/EventHub.Benchmarks -- --filter '*'</summary>
public static class BenchmarkProgram
{
    // BenchmarkDotNet rebuilds the project for each run; on a busy two-core machine that takes longer than its default two minutes.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly)
        .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace EventHub.Benchmarks;

/// <summary>Runs the benchmarks: dotnet run -c Release --project tests/EventHub.Benchmarks -- --filter '*' (or -- circuits, or -- door-device)</summary>
public static class BenchmarkProgram
{
    // BenchmarkDotNet rebuilds the project for each run; on a busy two-core machine that takes longer than its default two minutes.
    public static async Task<int> Main(string[] args)
    {
        // Scenarios that are not micro-benchmarks run by name: circuits (memory per Blazor circuit).
        if (args.FirstOrDefault() == "circuits")
        {
            return await CircuitMemoryScenario.RunAsync(args);
        }

        // door-device: the offline door's answer time measured in the browser.
        if (args.FirstOrDefault() == "door-device")
        {
            return await OfflineDoorLookupScenario.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly)
            .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
        return 0;
    }
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// One process per benchmark class, a fixed number of iterations, medians and ratios to ONNX Runtime.
// Pass BenchmarkDotNet arguments through, e.g. --filter '*V1_05_160*'. --layers prints the per-layer breakdown
// instead; --peak measures this core's FMA peak per vector width; --chart <results folder> <file.svg> draws the
// latency chart from the last run's reports.
if (args is ["--layers", ..])
{
    MobileNet.Benchmarks.LayerBreakdown.Print(runs: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}
if (args is ["--peak"])
{
    MobileNet.Benchmarks.PeakThroughput.Print();
    return;
}
if (args is ["--chart", var results, var svg])
{
    MobileNet.Benchmarks.LatencyChart.Write(results, svg);
    return;
}
// BenchmarkDotNet rebuilds the project for its runs; with the integer networks beside the float ones, generating them all
// took longer than its default 2 minutes on a loaded 2-core machine.
IConfig config = ManualConfig.Create(DefaultConfig.Instance)
    .WithBuildTimeout(System.TimeSpan.FromMinutes(10))
    .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20))
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .AddColumn(MobileNet.Benchmarks.ThroughputColumn.Gmacs, MobileNet.Benchmarks.ThroughputColumn.PercentOfPeak);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);

using BenchmarkDotNet.Running;
using Whfb.Benchmarks.Ingest;

// `ingest`: the macro benchmark of POST /v1/events against raw RabbitMQ.Client publishing (a custom harness: one run
// takes about a minute, too long for BenchmarkDotNet's many iterations); `enroll`: a fleet's enrollments and per-device
// posts. Anything else: BenchmarkDotNet's switcher (micro benchmarks, e.g. `-- --filter *Normalization*`).
if (args.FirstOrDefault() == "ingest")
{
    return await IngestBenchmark.RunAsync(IngestBenchmarkOptions.Parse(args[1..]));
}

if (args.FirstOrDefault() == EnrollmentBenchmark.Mode) return await EnrollmentBenchmark.RunAsync(args[1..]);

if (args.FirstOrDefault() == Whfb.Benchmarks.Insights.InsightsBenchmark.Mode) return await Whfb.Benchmarks.Insights.InsightsBenchmark.RunAsync(Whfb.Benchmarks.Insights.InsightsBenchOptions.Parse(args[1..]));

if (args.FirstOrDefault() == Whfb.Benchmarks.Directory.DirectoryBenchmark.Mode) return await Whfb.Benchmarks.Directory.DirectoryBenchmark.RunAsync();

if (args.FirstOrDefault() == Whfb.Benchmarks.SyncTracker.SyncTrackerBenchmark.Mode) return await Whfb.Benchmarks.SyncTracker.SyncTrackerBenchmark.RunAsync(args[1..]);

if (args.FirstOrDefault() == Whfb.Benchmarks.SyncTracker.EndToEndBenchmark.Mode) return await Whfb.Benchmarks.SyncTracker.EndToEndBenchmark.RunAsync();

if (args.FirstOrDefault() == Whfb.Benchmarks.Security.SecurityBenchmark.Mode) return Whfb.Benchmarks.Security.SecurityBenchmark.Run(args[1..]);

if (args.FirstOrDefault() == Whfb.Benchmarks.SyncTracker.StrictBenchmark.Mode) return await Whfb.Benchmarks.SyncTracker.StrictBenchmark.RunAsync();

if (args.FirstOrDefault() == Whfb.Benchmarks.Pipeline.PipelineBenchmark.Mode) return await Whfb.Benchmarks.Pipeline.PipelineBenchmark.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
return 0;

using BenchmarkDotNet.Running;

// One class per comparison lives beside this file; pick them with --filter, e.g.
//   dotnet run -c Release --project bench/Inkwell.Benchmarks -- --filter '*Dns*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using Whfb.Simulator.Hosting;

var app = SimulatorApp.Build(args);
await app.RunAsync();

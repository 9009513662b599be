// A web app that announces itself over DNS-SD as _zoo._tcp and answers with the instance name it got: GET / over HTTP,
// zoofinder.Zoo/Visit over gRPC, GET /health for the health check.
//   dotnet run --project samples/ZooFinder/ZooServer
// Options (command line or environment, as any ASP.NET Core app): --urls (default http://0.0.0.0:0, a free port),
// --Zoo:Name (the instance name asked for), --Zeroconf:Backend auto|avahi|embedded, --Zeroconf:Interfaces:0 eth0.
// gRPC over plain HTTP needs an HTTP/2-only endpoint: --Kestrel:EndpointDefaults:Protocols Http2.
using Inkwell.Zeroconf.AspNetCore;
using ZooFinder;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
{
    builder.WebHost.UseUrls("http://0.0.0.0:0");
}
builder.Services.AddDnsSdAdvertisement("_zoo._tcp", options =>
{
    options.InstanceName = builder.Configuration["Zoo:Name"];
    options.Txt.Add(new("path", "/"));
    options.Txt.Add(new("version", "1"));
});
builder.Services.AddHealthChecks().AddDnsSdAdvertisement();
builder.Services.AddGrpc();
builder.Services.AddSingleton<AnnouncedName>();

WebApplication app = builder.Build();

// The name in use (after any rename) comes from the injectable advertisement state.
DnsSdAdvertisement advertisement = app.Services.GetRequiredService<DnsSdAdvertisement>();
AnnouncedName name = app.Services.GetRequiredService<AnnouncedName>();
advertisement.Renamed += (_, e) =>
{
    name.Value = e.Endpoint.Name;
    Console.WriteLine($"renamed {e.PreviousName} -> {e.Endpoint.Name}");
};
advertisement.Changed += (_, _) =>
{
    if (advertisement.Status == DnsSdAdvertisementStatus.Registered && advertisement.Endpoints.Count > 0)
    {
        name.Value = advertisement.Endpoints[0].Name;
        Console.WriteLine($"registered {string.Join(", ", advertisement.Endpoints.Select(e => $"{e.Name} {e.Scheme}:{e.Port}"))}");
    }
};

app.MapGet("/", () => name.Value);
app.MapGrpcService<ZooService>();
app.MapHealthChecks("/health");
app.Run();

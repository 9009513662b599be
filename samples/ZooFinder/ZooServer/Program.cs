// A web app that announces itself over DNS-SD as _zoo._tcp and answers with the instance name it got.
//   dotnet run --project samples/ZooFinder/ZooServer
// Options (command line or environment, as any ASP.NET Core app): --urls (default http://0.0.0.0:0, a free port),
// --Zoo:Name (the instance name asked for), --Zeroconf:Backend auto|avahi|embedded, --Zeroconf:Interfaces:0 eth0.
using Inkwell.Zeroconf.AspNetCore;

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

WebApplication app = builder.Build();
// The name in use (after any rename) comes from the injectable advertisement state; it is kept for the requests
// still served while shutting down, after the goodbyes.
DnsSdAdvertisement advertisement = app.Services.GetRequiredService<DnsSdAdvertisement>();
string name = "(not announced yet)";
advertisement.Renamed += (_, e) =>
{
    name = e.Endpoint.Name;
    Console.WriteLine($"renamed {e.PreviousName} -> {e.Endpoint.Name}");
};
advertisement.Changed += (_, _) =>
{
    if (advertisement.Status == DnsSdAdvertisementStatus.Registered && advertisement.Endpoints.Count > 0)
    {
        name = advertisement.Endpoints[0].Name;
        Console.WriteLine($"registered {string.Join(", ", advertisement.Endpoints.Select(e => $"{e.Name} {e.Scheme}:{e.Port}"))}");
    }
};

app.MapGet("/", () => name);
app.MapHealthChecks("/health");
app.Run();

using System.Buffers.Binary;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Hosting.Tests;

/// <summary>
/// The <c>dnssd_affinity</c> policy in a real Grpc.Net.Client channel, over two real Kestrel servers on loopback (a static
/// resolver names them: the policy works with any resolver). Each server answers a unary call with its own name.
/// </summary>
public sealed class AffinityBalancerTests
{
    private static readonly Marshaller<string> s_text = Marshallers.Create(s => Encoding.UTF8.GetBytes(s), b => Encoding.UTF8.GetString(b));
    private static readonly Method<string, string> s_who = new(MethodType.Unary, "affinity", "Who", s_text, s_text);

    [Fact]
    public async Task Channel_WithAffinity_SameKeySameServer_KeysSpread_AndOnlyTheLeaversKeysMove()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using WebApplication one = await StartServerAsync("one", cancellationToken);
        WebApplication two = await StartServerAsync("two", cancellationToken);
        try
        {
            await using ServiceProvider services = new ServiceCollection().AddLogging()
                .AddZeroconf(o =>
                {
                    // Registered with the resolver, never asked for here: kept to loopback all the same.
                    o.Backend = Avahi.BackendMode.Embedded;
                    o.Interfaces.Add("lo");
                })
                .AddDnsSdGrpcResolver()
                .AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => [new BalancerAddress("127.0.0.1", Port(one)), new BalancerAddress("127.0.0.1", Port(two))]))
                .BuildServiceProvider();
            using GrpcChannel channel = GrpcChannel.ForAddress("static:///zoo", new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Insecure,
                ServiceProvider = services,
                ServiceConfig = new() { LoadBalancingConfigs = { new DnsSdAffinityConfig() } },
            });
            CallInvoker invoker = channel.CreateCallInvoker();

            // Without a key, calls take turns: both answer once both are connected.
            var unkeyed = new HashSet<string>();
            for (int i = 0; i < 500 && unkeyed.Count < 2; i++)
            {
                unkeyed.Add(await WhoAsync(invoker, null, cancellationToken));
            }
            Assert.Equal(["one", "two"], unkeyed.Order());

            // One key, one server; forty keys, both servers.
            var byKey = new Dictionary<string, string>();
            for (int k = 0; k < 40; k++)
            {
                string key = "visit-" + k;
                byKey[key] = await WhoAsync(invoker, key, cancellationToken);
                for (int again = 0; again < 5; again++)
                {
                    Assert.Equal(byKey[key], await WhoAsync(invoker, key, cancellationToken));
                }
            }
            Assert.Equal(["one", "two"], byKey.Values.Distinct().Order());

            // "two" leaves: its keys move to "one", and the keys already on "one" stay there.
            await two.StopAsync(cancellationToken);
            int settled = 0;
            for (int i = 0; i < 2_000 && settled < 20; i++)
            {
                try
                {
                    settled = await WhoAsync(invoker, null, cancellationToken) == "one" ? settled + 1 : 0;
                }
                catch (RpcException)
                {
                    settled = 0; // a call that met the closing connection
                }
            }
            Assert.Equal(20, settled);
            foreach (string key in byKey.Keys)
            {
                Assert.Equal("one", await WhoAsync(invoker, key, cancellationToken));
            }
        }
        finally
        {
            await two.DisposeAsync();
        }
    }

    [Fact]
    public void Winner_AnAddressLeaves_OnlyItsKeysMove()
    {
        string[] three = ["10.0.0.1:5080", "10.0.0.2:5080", "10.0.0.3:5080"];
        string[] two = ["10.0.0.1:5080", "10.0.0.3:5080"];
        var counts = new int[3];
        for (int k = 0; k < 300; k++)
        {
            string key = "key-" + k;
            string before = three[Internal.AffinityPicker.Winner(key, three)];
            string after = two[Internal.AffinityPicker.Winner(key, two)];
            counts[Array.IndexOf(three, before)]++;
            if (before != "10.0.0.2:5080")
            {
                Assert.Equal(before, after);
            }
        }
        // Every address wins a fair share (a third each, give or take).
        Assert.All(counts, c => Assert.InRange(c, 60, 140));
    }

    private static async Task<string> WhoAsync(CallInvoker invoker, string? key, CancellationToken cancellationToken)
    {
        Metadata? headers = key is null ? null : new Metadata { { DnsSdAffinityConfig.KeyHeader, key } };
        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30), cancellationToken).WithWaitForReady();
        return await invoker.AsyncUnaryCall(s_who, null, options, "");
    }

    private static int Port(WebApplication app) => new Uri(app.Urls.Single()).Port;

    /// <summary>Kestrel on 127.0.0.1, HTTP/2 without TLS, answering /affinity/Who in gRPC's framing with <paramref name="name"/>.</summary>
    private static async Task<WebApplication> StartServerAsync(string name, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        WebApplication app = builder.Build();
        app.MapPost("/affinity/Who", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            byte[] text = Encoding.UTF8.GetBytes(name);
            byte[] frame = new byte[5 + text.Length];
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), text.Length);
            text.CopyTo(frame, 5);
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(frame, context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}

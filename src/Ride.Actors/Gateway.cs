using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Ride.Actors;

/// <summary>
/// Relays TCP connections on 127.0.0.1 to a Local sandbox's Unix-domain socket: the jailed server has no network,
/// and this is how the operator's psql reaches it. It ends on SIGTERM or when its sandbox folder goes.
/// </summary>
public static class Gateway
{
    private const int BufferSize = 64 * 1024;

    /// <summary>gateway &lt;socket&gt; &lt;ready-file&gt; &lt;port (0: any)&gt;</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var preferred))
        {
            await Console.Error.WriteLineAsync("usage: Ride.Actors gateway <socket> <ready-file> <port>").ConfigureAwait(false);
            return 2;
        }

        var (socket, ready) = (args[0], args[1]);
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);

        var listener = Listen(preferred);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var pending = ready + ".tmp";
        await File.WriteAllTextAsync(pending, port.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        File.Move(pending, ready, overwrite: true);
        Console.WriteLine($"{DateTimeOffset.UtcNow:O} gateway {Environment.ProcessId}: 127.0.0.1:{port} -> {socket}");

        var folder = Path.GetDirectoryName(ready)!;
        var watcher = WatchAsync(folder, stop);
        var relays = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
                relays.RemoveAll(r => r.IsCompleted);
                relays.Add(RelayAsync(client, socket, stop.Token));
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            listener.Stop();
        }

        await Task.WhenAll(relays.Append(watcher)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The preferred port when it is free, else any.</summary>
    private static TcpListener Listen(int preferred)
    {
        if (preferred > 0)
        {
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, preferred);
                listener.Start();
                return listener;
            }
            catch (SocketException)
            {
            }
        }

        var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        return any;
    }

    private static async Task RelayAsync(TcpClient client, string socketPath, CancellationToken stop)
    {
        using (client)
        using (var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await server.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), stop).ConfigureAwait(false);
                client.NoDelay = true;
                await using var serverStream = new NetworkStream(server, ownsSocket: false);
                var clientStream = client.GetStream();
                using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);

                // Whichever side closes first ends the relay; the other copy is cancelled.
                var upstream = clientStream.CopyToAsync(serverStream, BufferSize, done.Token);
                var downstream = serverStream.CopyToAsync(clientStream, BufferSize, done.Token);
                await Task.WhenAny(upstream, downstream).ConfigureAwait(false);
                await done.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server is down or a side hung up: the client sees its connection closed, as with a real server.
            }
        }
    }

    private static async Task WatchAsync(string folder, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(500, stop.Token).ConfigureAwait(false);
                if (!Directory.Exists(folder))
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>Where the Docker engine is (DOCKER_HOST, else the platform's default) and one client per endpoint for the whole process.</summary>
internal static class DockerClients
{
    /// <summary>Bound on ordinary API calls; streams (pulls, exec, logs) are bounded by the caller's token instead.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<string, DockerClient> Clients = new(StringComparer.Ordinal);

    public static string DefaultEndpoint =>
        OperatingSystem.IsWindows() ? "npipe://./pipe/docker_engine" : "unix:///var/run/docker.sock";

    /// <summary>The endpoint Ride uses now: DOCKER_HOST when set, else the default socket.</summary>
    public static string ResolveEndpoint(RideOptions options) => options.DockerHost ?? DefaultEndpoint;

    public static DockerClient For(string endpoint) => Clients.GetOrAdd(endpoint, Create);

    /// <summary>True when the engine at the endpoint answers a ping within the timeout. A malformed endpoint throws.</summary>
    public static async Task<bool> PingAsync(string endpoint, TimeSpan timeout, CancellationToken cancellationToken) =>
        await TryPingAsync(endpoint, timeout, cancellationToken).ConfigureAwait(false) is null;

    /// <summary>Pings the endpoint and throws DockerUnavailable, saying what was tried and why it failed, when it does not answer.</summary>
    public static async Task EnsureAvailableAsync(string endpoint, bool fromDockerHost, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await TryPingAsync(endpoint, timeout, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            throw Unavailable(endpoint, fromDockerHost, failure);
        }
    }

    /// <summary>Null when the engine answered, else what went wrong.</summary>
    private static async Task<Exception?> TryPingAsync(string endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await For(endpoint).System.PingAsync(bounded.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TimeoutException($"no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (Exception ex) when (IsUnreachable(ex) || ex is DockerApiException)
        {
            return ex;
        }
    }

    /// <summary>The error for an engine that does not answer.</summary>
    public static RideException Unavailable(string endpoint, bool fromDockerHost, Exception? inner)
    {
        var source = fromDockerHost ? "DOCKER_HOST"
            : endpoint == DefaultEndpoint ? "the default endpoint"
            : "the engine the sandbox was made on";
        // .NET words a missing unix socket as "Cannot assign requested address"; say what is really wrong.
        var missingSocket = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == "unix" && !File.Exists(uri.AbsolutePath);
        var reason = missingSocket ? $" (there is no socket at {uri!.AbsolutePath})" : inner is null ? "" : $" ({Innermost(inner).Message})";
        return new RideException("DockerUnavailable", RideErrorCategory.ResourceUnavailable,
            $"No Docker engine answered at {endpoint} ({source}){reason}. Start Docker (Docker Desktop, or 'sudo systemctl start docker'), "
            + "point DOCKER_HOST at a running engine (unix:///path/to/docker.sock or tcp://host:port), "
            + "or use the local PostgreSQL binaries with -Engine Local.",
            endpoint, inner);
    }

    /// <summary>True for failures that mean the engine could not be reached at all (refused, no socket, reset, bad address).</summary>
    public static bool IsUnreachable(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnreachable),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        _ => ex.InnerException is not null && IsUnreachable(ex.InnerException),
    };

    /// <summary>The engine's own words from an API error ({"message": "..."}), else the status code.</summary>
    public static string ErrorMessage(DockerApiException ex)
    {
        if (string.IsNullOrWhiteSpace(ex.ResponseBody))
        {
            return $"HTTP {(int)ex.StatusCode} {ex.StatusCode}";
        }

        try
        {
            using var body = JsonDocument.Parse(ex.ResponseBody);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw body or the status says enough.
        }

        return ex.ResponseBody.Trim();
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static DockerClient Create(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "npipe" or "http" or "https"))
        {
            throw new RideException("DockerUnavailable", RideErrorCategory.InvalidArgument,
                $"'{endpoint}' is not a Docker endpoint Ride can use. Use unix:///path/to/docker.sock or tcp://host:port in DOCKER_HOST, "
                + "or use the local PostgreSQL binaries with -Engine Local.", endpoint);
        }

        return new DockerClientBuilder().WithEndpoint(uri).WithTimeout(RequestTimeout).Build();
    }
}

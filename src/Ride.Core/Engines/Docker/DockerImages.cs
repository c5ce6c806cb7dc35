using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>Makes sure the sandbox image is on the engine, pulling it with real progress when it is not.</summary>
internal static class DockerImages
{
    /// <summary>The official image's major version is pinned here and nowhere else.</summary>
    public const string DefaultImage = "postgres:15";

    public static async Task EnsureAsync(DockerClient client, string endpoint, string image, IProgress<SandboxProgress> progress,
        int startPercent, int endPercent, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Not here yet: pull it below.
        }

        progress.Report(new SandboxProgress($"Pulling {image}", startPercent));
        var (name, tag) = Split(image);
        var tracker = new PullTracker(image, progress, startPercent, endPercent);
        try
        {
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tag }, null, tracker, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException ex)
        {
            throw PullFailed(image, endpoint, DockerClients.ErrorMessage(ex), ex);
        }

        // The engine reports most pull failures inside a successful response, as a message in the stream.
        if (tracker.Error is not null)
        {
            throw PullFailed(image, endpoint, tracker.Error, null);
        }

        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw PullFailed(image, endpoint, "the pull finished but the image is still not there", ex);
        }
    }

    /// <summary>fromImage and tag for the pull API; an empty tag would pull every tag, so a bare name means 'latest'.</summary>
    internal static (string Name, string Tag) Split(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return (image, "");
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > lastSlash ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    private static RideException PullFailed(string image, string endpoint, string reason, Exception? inner) =>
        new("ImagePullFailed", RideErrorCategory.ResourceUnavailable,
            $"The image '{image}' is not on the Docker engine at {endpoint}, and pulling it failed: {reason.Trim()}. "
            + $"Provide it with 'docker pull {image}' (or 'docker load -i <file>' on a machine without registry access), "
            + $"or choose an image that is there with -Image or $env:{RideOptions.ImageVariable}.",
            image, inner);

    /// <summary>Turns the pull stream's per-layer messages into one percentage and a short status line.</summary>
    private sealed class PullTracker : IProgress<JSONMessage>
    {
        private const double DownloadShare = 0.8;
        private readonly Dictionary<string, double> layers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (long Current, long Total)> bytes = new(StringComparer.Ordinal);
        private readonly string image;
        private readonly IProgress<SandboxProgress> progress;
        private readonly int startPercent;
        private readonly int endPercent;
        private SandboxProgress? last;

        public PullTracker(string image, IProgress<SandboxProgress> progress, int startPercent, int endPercent)
        {
            this.image = image;
            this.progress = progress;
            this.startPercent = startPercent;
            this.endPercent = endPercent;
        }

        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error is { } error)
            {
                Error = error.Message ?? "the engine reported an error without a message";
                return;
            }

            if (string.IsNullOrEmpty(value.ID) || value.Status is null)
            {
                return;
            }

            var fraction = Fraction(value.Status, value.Progress);
            if (fraction is null)
            {
                return;
            }

            layers[value.ID] = Math.Max(layers.GetValueOrDefault(value.ID), fraction.Value);
            if (value.Status == "Downloading" && value.Progress is { Total: > 0 } p)
            {
                bytes[value.ID] = (p.Current ?? 0, p.Total ?? 0);
            }
            else if (fraction >= DownloadShare && bytes.TryGetValue(value.ID, out var known))
            {
                // The last Downloading message rarely reports the final bytes; a finished download has them all.
                bytes[value.ID] = (known.Total, known.Total);
            }

            var overall = layers.Values.Average();
            var done = layers.Values.Count(f => f >= 1.0);
            var downloaded = bytes.Values.Sum(b => b.Current);
            var total = bytes.Values.Sum(b => b.Total);
            var size = total > 0 ? string.Create(CultureInfo.InvariantCulture, $", {downloaded / 1048576.0:0.0} of {total / 1048576.0:0.0} MB") : "";
            var report = new SandboxProgress($"Pulling {image}: {done} of {layers.Count} layers{size}",
                startPercent + (int)Math.Round((endPercent - startPercent) * overall));
            if (report != last)
            {
                last = report;
                progress.Report(report);
            }
        }

        private static double? Fraction(string status, JSONProgress? detail)
        {
            var part = detail is { Total: > 0 } ? Math.Clamp((double)(detail.Current ?? 0) / detail.Total.Value, 0, 1) : 0;
            return status switch
            {
                "Pulling fs layer" or "Waiting" => 0,
                "Downloading" => DownloadShare * part,
                "Verifying Checksum" or "Download complete" => DownloadShare,
                "Extracting" => DownloadShare + (1 - DownloadShare) * part,
                "Pull complete" or "Already exists" => 1,
                _ => null,
            };
        }
    }
}

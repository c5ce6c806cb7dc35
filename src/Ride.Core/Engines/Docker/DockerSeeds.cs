using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>
/// Scenarios' seeded snapshots on Docker: an image per scenario version and base image (ride-seed/&lt;scenario&gt;:&lt;key&gt;),
/// committed from a container that was seeded and shut down cleanly. Its data lives in an image layer, so every container
/// made from it starts on that data copy-on-write. A newer version of the same scenario replaces the older images.
/// </summary>
internal sealed class DockerSeeds
{
    private const string SeedLabel = "ride.seed";
    private const string BaseLabel = "ride.seed.base";
    private const string PasswordLabel = "ride.seed.password";

    private readonly DockerHost _host;

    public DockerSeeds(DockerHost host) => _host = host;

    /// <summary>
    /// The seed image (its id) for the request's scenario on this base image, built when missing, with its superuser
    /// password and a use lock to hold until the container made from it exists (see <see cref="SeedUse"/>).
    /// </summary>
    public async Task<DockerSeed> EnsureAsync(string baseImage, NodeRequest request, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var seed = request.Seed ?? throw new ArgumentException("The request names no seed.", nameof(request));
        var baseId = (await _host.CallAsync(() => _host.Client.Images.InspectImageAsync(baseImage, cancellationToken)).ConfigureAwait(false)).ID;
        var repository = "ride-seed/" + seed.Slug;
        var tag = seed.KeyOn(baseId);
        var reference = repository + ":" + tag;

        // Two starts of two versions of one scenario each retire the other's image when no start is about to use it; a
        // start whose fresh image went that way before it could take its lock seeds it again.
        for (var attempt = 1; ; attempt++)
        {
            if (await TryTakeAsync(reference, cancellationToken).ConfigureAwait(false) is { } ready)
            {
                return ready;
            }

            using (await SeedLock.AcquireAsync(SeedFolder, "docker-" + seed.Slug + "-" + tag, cancellationToken).ConfigureAwait(false))
            {
                if (await TryTakeAsync(reference, cancellationToken).ConfigureAwait(false) is { } seededMeanwhile)
                {
                    return seededMeanwhile;
                }

                await BuildAsync(baseImage, baseId, request, repository, tag, progress, cancellationToken).ConfigureAwait(false);
                if (await TryTakeAsync(reference, cancellationToken).ConfigureAwait(false) is { } built)
                {
                    await RemoveOlderAsync(seed.Slug, baseId, reference, cancellationToken).ConfigureAwait(false);
                    return built;
                }
            }

            if (attempt == 3)
            {
                throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                    $"The seed image {reference} could not be made: it was removed each time it was built.", reference);
            }
        }
    }

    private static string SeedFolder => Path.Combine(Path.GetTempPath(), "ride-seeds");

    private static string UseFile(string reference) => Path.Combine(SeedFolder, "docker-" + reference.Replace('/', '-').Replace(':', '-') + ".use");

    private async Task BuildAsync(string baseImage, string baseId, NodeRequest request, string repository, string tag, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var seed = request.Seed!;
        var reference = repository + ":" + tag;
        progress.Report(new SandboxProgress($"Seeding {seed.Label} once for this version and image (later starts use the image {reference})", 12));
        var password = Secrets.NewPassword();
        var record = new NodeRecord
        {
            Name = request.NodeName,
            Engine = EngineKind.Docker,
            Host = DockerEngine.LoopbackAddress,
            Image = baseImage,
            DockerEndpoint = _host.Endpoint,
            Network = request.Network,
            ContainerName = $"ride-seed-{tag}-{Guid.NewGuid().ToString("N")[..6]}",
        };
        var seeding = new NodeRequest
        {
            SessionId = request.SessionId,
            NodeName = request.NodeName,
            SessionDirectory = request.SessionDirectory,
            SuperUser = request.SuperUser,
            SuperPassword = password,
            Network = request.Network,
            Settings = ServerSettings.ForSeeding(request.Settings),
        };
        var node = new DockerNode(_host, record);
        try
        {
            var created = await _host.CallAsync(() => _host.Client.Containers.CreateContainerAsync(
                DockerEngine.ContainerParameters(record, seeding, baseImage, null, inMemory: false), cancellationToken)).ConfigureAwait(false);
            record.ContainerId = created.ID;
            await _host.CallAsync(() => _host.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken))
                .ConfigureAwait(false);
            await node.WaitUntilReadyAsync((request.SuperUser, password), cancellationToken).ConfigureAwait(false);
            await DockerEngine.PrepareAsync(node, request.Preparation, request.SuperUser, password, cancellationToken).ConfigureAwait(false);
            await seed.SeedAsync(node, password, progress, cancellationToken).ConfigureAwait(false);
            await node.StopAsync(NodeStopMode.Fast, cancellationToken).ConfigureAwait(false);

            progress.Report(new SandboxProgress($"Keeping the seeded data as the image {reference}", 24));
            await _host.CallAsync(() => _host.Client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = record.ContainerId,
                RepositoryName = repository,
                Tag = tag,
                Comment = $"Ride's seeded snapshot of {seed.Label}",
                Labels = new Dictionary<string, string>
                {
                    [DockerLabels.Managed] = "true",
                    [DockerLabels.Version] = DockerLabels.RideVersion,
                    [SeedLabel] = seed.Slug,
                    [BaseLabel] = baseId,
                    [PasswordLabel] = password,
                },
            }, cancellationToken)).ConfigureAwait(false);
        }
        catch (DockerApiException ex)
        {
            throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                $"Seeding {seed.Label} on the Docker engine failed: {DockerClients.ErrorMessage(ex)}", seed.Label, ex);
        }
        finally
        {
            await node.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The seed image with a shared use lock on it, or null when there is none (or it is being retired right now).</summary>
    private async Task<DockerSeed?> TryTakeAsync(string reference, CancellationToken cancellationToken)
    {
        if (SeedUse.TryShare(UseFile(reference)) is not { } use)
        {
            return null;
        }

        try
        {
            if (await TryFindAsync(reference, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return new DockerSeed(found.Image, found.SuperPassword, use);
            }
        }
        catch
        {
            use.Dispose();
            throw;
        }

        use.Dispose();
        return null;
    }

    /// <summary>
    /// The seed image by its id (a tag can move to another start's image between two calls; an id and its password
    /// always go together), or null when there is none.
    /// </summary>
    private async Task<(string Image, string SuperPassword)?> TryFindAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            var image = await _host.CallAsync(() => _host.Client.Images.InspectImageAsync(reference, cancellationToken)).ConfigureAwait(false);
            return image.Config?.Labels is { } labels && labels.TryGetValue(PasswordLabel, out var password) && password.Length > 0
                ? (image.ID, password)
                : null;
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Older versions of the scenario's seed on the same base image go; one a container still runs on stays until the next rebuild.</summary>
    private async Task RemoveOlderAsync(string slug, string baseId, string current, CancellationToken cancellationToken)
    {
        var images = await _host.CallAsync(() => _host.Client.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [SeedLabel + "=" + slug] = true } },
        }, cancellationToken)).ConfigureAwait(false);
        foreach (var image in images.Where(i => (i.RepoTags is null || !i.RepoTags.Contains(current))
                                                && i.Labels is { } labels && labels.TryGetValue(BaseLabel, out var from) && from == baseId))
        {
            // Seed images carry one tag, their reference; a start about to make a container from it holds its use lock.
            using var retiring = image.RepoTags?.FirstOrDefault() is { } reference ? SeedUse.TryRetire(UseFile(reference)) : null;
            if (retiring is null && image.RepoTags?.Count > 0)
            {
                continue;
            }

            try
            {
                await _host.CallAsync(() => _host.Client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters(), cancellationToken)).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
            {
                // In use by a running sandbox, or gone already.
            }
        }
    }
}

/// <summary>A seed image (its id), the superuser password it starts with, and the start's use lock on it.</summary>
internal sealed record DockerSeed(string Image, string SuperPassword, IDisposable Use) : IDisposable
{
    public void Dispose() => Use.Dispose();
}

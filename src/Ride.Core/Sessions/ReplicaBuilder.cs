using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>
/// The replicas of a topology, each copied from its upstream once the upstream runs (the primary already holds the
/// scenario's seeded world), and each streaming before the next step: the incident then reaches every replica the way
/// it would in production.
/// </summary>
internal sealed class ReplicaBuilder
{
    /// <summary>How long a new replica may take to stream from its upstream.</summary>
    private static readonly TimeSpan StreamingTimeout = TimeSpan.FromSeconds(60);

    private readonly RideContext _context;

    public ReplicaBuilder(RideContext context) => _context = context;

    public async Task AddReplicasAsync(ISandboxEngine engine, SessionRecord state, ScenarioDefinition definition, string? image,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        foreach (var declared in InBuildOrder(definition))
        {
            var upstream = state.Node(declared.Of);
            var replica = await engine.CreateNodeAsync(new NodeRequest
            {
                SessionId = state.SessionId,
                NodeName = declared.Name,
                Role = NodeRole.Replica,
                Upstream = upstream.Name,
                UpstreamNode = upstream,
                Slot = declared.Slot,
                SessionDirectory = _context.SessionDirectory(state.SessionId),
                SuperUser = state.SuperUser,
                SuperPassword = state.SuperPassword,
                Image = image ?? _context.Options.Image,
                Network = state.Network,
                Settings = ServerSettings.For(definition.Settings),
            }, progress, cancellationToken).ConfigureAwait(false);
            state.Nodes.Add(replica.Record);
            _context.Sessions.Save(state);
            await WaitForStreamingAsync(state, replica, upstream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replicas in an order where every upstream comes first (a cascading replica after the one it streams from).</summary>
    internal static IReadOnlyList<NodeDefinition> InBuildOrder(ScenarioDefinition definition)
    {
        var built = definition.Nodes.Where(n => n.Role == NodeRoles.Primary).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var pending = definition.Nodes.Where(n => n.Role == NodeRoles.Replica).ToList();
        var order = new List<NodeDefinition>();
        while (pending.FirstOrDefault(n => built.Contains(n.Of)) is { } next)
        {
            order.Add(next);
            built.Add(next.Name);
            pending.Remove(next);
        }

        return order;
    }

    /// <summary>The upstream sees the replica streaming (pg_stat_replication, by its application name), or the start fails with the replica's log.</summary>
    private static async Task WaitForStreamingAsync(SessionRecord state, ISandboxNode replica, NodeRecord upstream, CancellationToken cancellationToken)
    {
        var connections = new SessionConnections(state);
        await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken, upstream.Name).ConfigureAwait(false);
        try
        {
            await Poll.UntilAsync($"replica {replica.Record.Name} to stream from {upstream.Name}", StreamingTimeout, TimeSpan.FromMilliseconds(50), async token =>
                {
                    await using var command = new NpgsqlCommand("SELECT state FROM pg_stat_replication WHERE application_name = @name", connection);
                    command.Parameters.AddWithValue("name", replica.Record.Name);
                    var seen = await command.ExecuteScalarAsync(token).ConfigureAwait(false) as string;
                    return seen == "streaming" ? PollProbe<bool>.Finished(true) : PollProbe<bool>.Waiting(false, seen ?? "not connected");
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException timeout)
        {
            var log = await replica.ReadServerLogAsync(cancellationToken).ConfigureAwait(false);
            throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                $"{timeout.Message} The end of its log:{Environment.NewLine}{Text.Tail(string.Join(Environment.NewLine, log))}", replica.Record.Name, timeout);
        }
    }
}

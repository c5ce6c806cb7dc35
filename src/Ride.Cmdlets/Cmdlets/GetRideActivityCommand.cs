using System.Management.Automation;
using Ride.Engines;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Cmdlets;

/// <summary>Typed pg_stat_activity of the sandbox, with blocking pids; Ride's own connections are left out.</summary>
[Cmdlet(VerbsCommon.Get, "RideActivity")]
[OutputType(typeof(RideActivity))]
public sealed class GetRideActivityCommand : RideCmdlet
{
    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>Only backends whose application_name matches one of these wildcards.</summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ApplicationNameCompleter))]
    public string[]? ApplicationName { get; set; }

    /// <summary>Only backends connected to one of these databases (wildcards allowed).</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Database { get; set; }

    /// <summary>Only backends in one of these states, e.g. active, idle, 'idle in transaction' (wildcards allowed).</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? State { get; set; }

    /// <summary>The server to look at; every server of the session when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NodeNameCompleter))]
    public string? Node { get; set; }

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        var down = new List<string>();
        var rows = Run(async token =>
        {
            var health = new SessionHealth(Context);
            if (state.Nodes.Count == 1)
            {
                await health.EnsurePrimaryAsync(state, token).ConfigureAwait(false);
            }

            var all = new List<RideActivity>();
            foreach (var node in Node is null ? state.Nodes.Where(n => n.Role != NodeRole.Pooler).ToArray() : new[] { state.Node(Node) })
            {
                if (node.Role == NodeRole.Pooler)
                {
                    throw PoolerNodes.NotADatabase(node);
                }

                // A node that is down (on purpose or not) has no activity; the others still do.
                var status = await health.NodeStatusAsync(node, token).ConfigureAwait(false);
                if (status != NodeStatus.Running)
                {
                    down.Add($"Node {node.Name} is {status.ToLowerInvariant()}: it has no activity to show.");
                    continue;
                }

                all.AddRange(await ActivityReader.ReadAsync(state, token, node.Name).ConfigureAwait(false));
            }

            return all;
        });
        down.ForEach(WriteWarning);
        RecordCommandUse(state);
        var apps = Patterns(ApplicationName);
        var databases = Patterns(Database);
        var states = Patterns(State);
        foreach (var row in rows)
        {
            if (Matches(apps, row.ApplicationName) && Matches(databases, row.Database) && Matches(states, row.State))
            {
                WriteObject(row);
            }
        }
    });

    private static WildcardPattern[]? Patterns(string[]? values) =>
        values?.Select(v => new WildcardPattern(v, WildcardOptions.IgnoreCase)).ToArray();

    private static bool Matches(WildcardPattern[]? patterns, string? value) =>
        patterns is null || patterns.Any(p => p.IsMatch(value ?? ""));
}

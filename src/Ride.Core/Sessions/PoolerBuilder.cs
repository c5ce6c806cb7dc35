using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>
/// The poolers of a topology, started once every database node runs: PgBouncer in front of the node each names, with
/// the operator and the scenario's roles as its users and the operator as its console's admin.
/// </summary>
internal sealed class PoolerBuilder
{
    private readonly RideContext _context;

    public PoolerBuilder(RideContext context) => _context = context;

    public async Task AddPoolersAsync(ISandboxEngine engine, SessionRecord state, ScenarioDefinition definition, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        foreach (var declared in definition.Nodes.Where(n => n.Role == NodeRoles.Pooler))
        {
            var fronted = state.Node(declared.Of);
            var pooler = await engine.CreateNodeAsync(new NodeRequest
            {
                SessionId = state.SessionId,
                NodeName = declared.Name,
                Role = NodeRole.Pooler,
                Upstream = fronted.Name,
                UpstreamNode = fronted,
                Peers = state.Nodes.Where(n => n.Role != NodeRole.Pooler).ToList(),
                SessionDirectory = _context.SessionDirectory(state.SessionId),
                SuperUser = state.SuperUser,
                SuperPassword = state.SuperPassword,
                Image = _context.Options.PgBouncerImage,
                Network = state.Network,
                Pooler = new PoolerRequest
                {
                    Settings = declared.Settings,
                    Users = Users(state, definition),
                    AdminUser = state.OperatorRole,
                },
            }, progress, cancellationToken).ConfigureAwait(false);
            state.Nodes.Add(pooler.Record);
            _context.Sessions.Save(state);
        }
    }

    /// <summary>Who logs in through a pooler: the operator and every login role of the scenario (never Ride's superuser).</summary>
    internal static IReadOnlyDictionary<string, string> Users(SessionRecord state, ScenarioDefinition definition)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal) { [state.OperatorRole] = state.OperatorPassword };
        foreach (var role in definition.Roles.Where(r => r.Login))
        {
            users[role.Name] = state.PasswordOf(role.Name);
        }

        return users;
    }
}

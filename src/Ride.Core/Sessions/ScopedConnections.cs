using Npgsql;

namespace Ride.Sessions;

/// <summary>
/// The connections one pass over a session uses (a score, a baseline), one per node, role, database and application
/// name, so a pass costs a few logins rather than one per query (a login costs tens of milliseconds). A connection
/// goes back only after DISCARD ALL, so no check sees what the previous one left (temporary functions, settings);
/// one that cannot be reset is closed instead.
/// </summary>
public sealed class ScopedConnections : IAsyncDisposable
{
    private readonly SessionRecord _state;
    private readonly SessionConnections _connections;
    private readonly Dictionary<(string Node, string Role, string Database, string Application), NpgsqlConnection> _idle = new();
    private readonly Dictionary<NpgsqlConnection, (string Node, string Role, string Database, string Application)> _keys = new();

    public ScopedConnections(SessionRecord state)
    {
        _state = state;
        _connections = new SessionConnections(state);
    }

    public async Task<NpgsqlConnection> TakeAsync(string node, string role, string database, string applicationName, CancellationToken cancellationToken)
    {
        var key = (_state.Node(node).Name, role.Length == 0 ? _state.SuperUser : role, database, applicationName);
        if (_idle.Remove(key, out var idle))
        {
            return idle;
        }

        var connection = await _connections.OpenAsync(key.Item2, database, applicationName, cancellationToken, key.Item1).ConfigureAwait(false);
        _keys[connection] = key;
        return connection;
    }

    /// <summary>
    /// A connection for replaying an actor's statements, shared by every actor with the same node, role and database:
    /// the replay names itself after its actor inside its own transaction (<see cref="NameReplayAsync"/>), so the
    /// server's log and statistics still say which actor each statement replays.
    /// </summary>
    public Task<NpgsqlConnection> TakeReplayAsync(Workload.ActorDefinition actor, CancellationToken cancellationToken) =>
        TakeAsync(actor.Node, actor.Role, actor.Database, ReplayApplicationPrefix + "scorer", cancellationToken);

    /// <summary>Sets the replaying actor's application name for the rest of the transaction.</summary>
    public static async Task NameReplayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Workload.ActorDefinition actor,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('application_name', @name, true)", connection, transaction);
        command.Parameters.AddWithValue("name", ReplayApplicationPrefix + actor.Name);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the application name of every replay starts with (Get-RideActivity leaves them out).</summary>
    public const string ReplayApplicationPrefix = "ride-replay ";

    /// <summary>Runs work on a connection as Ride's own role to one database of a node (the primary when none is named).</summary>
    public async Task<T> WithSystemAsync<T>(string database, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken, string node = "")
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await TakeAsync(node, "", database, SessionConnections.RideApplicationName, cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        finally
        {
            await GiveBackAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task GiveBackAsync(NpgsqlConnection? connection, CancellationToken cancellationToken)
    {
        if (connection is null || !_keys.TryGetValue(connection, out var key))
        {
            return;
        }

        try
        {
            if (connection.State == System.Data.ConnectionState.Open && !_idle.ContainsKey(key))
            {
                await using var discard = new NpgsqlCommand("DISCARD ALL", connection);
                await discard.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _idle[key] = connection;
                return;
            }
        }
        catch (NpgsqlException)
        {
            // Left in a transaction or broken: not worth keeping.
        }

        _keys.Remove(connection);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _keys.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _keys.Clear();
        _idle.Clear();
    }
}

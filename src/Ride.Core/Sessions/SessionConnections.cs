using System.Collections.Concurrent;
using Npgsql;
using Ride.Engines;

namespace Ride.Sessions;

/// <summary>
/// The one place Ride opens connections to a session's servers: one data source per node, role, database and
/// application name for the life of the process (a data source learns the server's types once, which is most of what
/// a connection costs), unpooled so no connection lingers in the sandbox. Ride's own connections (as ride_system) carry startup
/// options that beat any role, database or ALTER SYSTEM setting a fix may have left behind, so a tampered setting
/// can neither shadow a catalog view (pg_catalog is searched first when the path does not name it) nor make Ride's
/// bookkeeping read-only or time out.
/// </summary>
public sealed class SessionConnections
{
    public const string RideApplicationName = "ride";

    /// <summary>Startup options (client-level, the highest a setting can come from short of SET) for Ride's own connections.</summary>
    internal const string SystemOptions =
        "-c search_path=public -c default_transaction_read_only=off -c default_transaction_isolation=read\\ committed "
        + "-c statement_timeout=0 -c lock_timeout=0 -c idle_in_transaction_session_timeout=0";

    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    private readonly SessionRecord _state;

    public SessionConnections(SessionRecord state) => _state = state;

    /// <summary>A connection as ride_system.</summary>
    public Task<NpgsqlConnection> OpenSystemAsync(string database, CancellationToken cancellationToken, string? node = null) =>
        OpenAsync(_state.SuperUser, database, RideApplicationName, cancellationToken, node);

    /// <summary>A connection as any role Ride created. Only ride_system's carry Ride's protective options: the others see what their role sees.</summary>
    public async Task<NpgsqlConnection> OpenAsync(string role, string database, string applicationName, CancellationToken cancellationToken,
        string? node = null)
    {
        var connectionString = ServerConnection.For(_state.Node(node).RideEndpoint, role, _state.PasswordOf(role), database, applicationName,
            role == _state.SuperUser ? SystemOptions : null);
        var source = Sources.GetOrAdd(connectionString, NpgsqlDataSource.Create);
        return await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the data sources of a session that is gone (its passwords make them unique to it).</summary>
    public static void Forget(SessionRecord state)
    {
        foreach (var key in Sources.Keys.Where(k => k.Contains(state.SuperPassword, StringComparison.Ordinal)
                                                    || k.Contains(state.OperatorPassword, StringComparison.Ordinal)
                                                    || state.RolePasswords.Values.Any(p => k.Contains(p, StringComparison.Ordinal))))
        {
            if (Sources.TryRemove(key, out var source))
            {
                source.Dispose();
            }
        }
    }

    /// <summary>A connection of its own (no data source to dispose with it), for a repair that must outlive a failed login.</summary>
    public static Task<NpgsqlConnection> OpenDetachedAsync(SessionRecord state, string role, string database, CancellationToken cancellationToken) =>
        ServerConnection.OpenAsync(
            ServerConnection.For(state.Primary.RideEndpoint, role, state.PasswordOf(role), database, RideApplicationName, SystemOptions), cancellationToken);

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Every row of a one-column query, as text.</summary>
    public static async Task<IReadOnlyList<string>> ColumnAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString() ?? "");
        }

        return rows;
    }
}

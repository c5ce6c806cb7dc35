using Npgsql;
using Ride.Sandbox;

namespace Ride.Sessions;

/// <summary>Ride's own connections (as ride_system unless told otherwise). Unpooled, so none lingers in the sandbox.</summary>
public static class Database
{
    public const string RideApplicationName = "ride";

    public static async Task<NpgsqlConnection> OpenAsync(SandboxNode node, string user, string password, string database, CancellationToken cancellationToken,
        string applicationName = RideApplicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = node.Host,
            Port = node.Port,
            Username = user,
            Password = password,
            Database = database,
            ApplicationName = applicationName,
            Pooling = false,
            Timeout = 15,
            CommandTimeout = 60,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static Task<NpgsqlConnection> OpenAsSystemAsync(SessionRecord state, string database, CancellationToken cancellationToken) =>
        OpenAsync(state.Primary, state.SuperUser, state.SuperPassword, database, cancellationToken);

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
}

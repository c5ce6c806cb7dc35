using Npgsql;
using Ride.Common;

namespace Ride.Engines;

/// <summary>How Ride's code connects to a sandbox server: one connection string, made here, for every caller.</summary>
public static class ServerConnection
{
    /// <summary>An unpooled connection string (no connection lingers in the sandbox), with optional startup options.</summary>
    public static string For(Endpoint endpoint, string user, string password, string database, string applicationName = "ride",
        string? options = null, int timeoutSeconds = 15) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = user,
            Password = password,
            Database = database,
            ApplicationName = applicationName,
            Pooling = false,
            Timeout = timeoutSeconds,
            CommandTimeout = 60,
            Options = options,
        }.ConnectionString;

    /// <summary>Opens a connection of its own; it is disposed by the caller, and on failure here.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
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

    /// <summary>A copy of a prepared cluster or a seed starts with its password; the session gives its superuser its own.</summary>
    public static async Task ChangePasswordAsync(Endpoint endpoint, string user, string oldPassword, string newPassword, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(For(endpoint, user, oldPassword, "postgres"), cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"ALTER ROLE {Sql.Identifier(user)} PASSWORD {Sql.Literal(newPassword)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using Npgsql;
using Ride.Common;

namespace Ride.Engines;

/// <summary>A configuration reload that has happened, not just been asked for: the server's own reload time moves on.</summary>
public static class ConfigurationReload
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// pg_reload_conf(), then new connections until one reports a later pg_conf_load_time(): a backend started after
    /// the postmaster reloaded has the new settings and pg_hba.conf in force.
    /// </summary>
    public static async Task ReloadAsync(Endpoint endpoint, string user, string password, CancellationToken cancellationToken)
    {
        var connectionString = ServerConnection.For(endpoint, user, password, "postgres");
        DateTime before;
        await using (var connection = await ServerConnection.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false))
        await using (var command = new NpgsqlCommand("SELECT pg_conf_load_time(), pg_reload_conf()", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            before = reader.GetDateTime(0);
        }

        await Poll.UntilAsync("the server to reload its configuration", Timeout, TimeSpan.FromMilliseconds(20), async token =>
            {
                await using var connection = await ServerConnection.OpenAsync(connectionString, token).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT pg_conf_load_time()", connection);
                var now = (DateTime)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
                return now > before ? PollProbe<bool>.Finished(true) : PollProbe<bool>.Waiting(false, "not reloaded yet");
            }, cancellationToken).ConfigureAwait(false);
    }
}

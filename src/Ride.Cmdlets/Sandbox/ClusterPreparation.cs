using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Ride.Sandbox;

/// <summary>One statement of the preparation, run as the superuser in the given database.</summary>
public sealed record PreparationStep(string Database, string Sql);

/// <summary>
/// What every sandbox holds before a scenario touches it (extensions, Ride's own databases). The Local engine
/// builds it once per PostgreSQL installation and copies it; other engines apply it after boot.
/// </summary>
public sealed class ClusterPreparation
{
    public ClusterPreparation(IReadOnlyList<PreparationStep> steps)
    {
        Steps = steps;
        var text = string.Join("\n", steps.Select(s => s.Database + ":" + s.Sql));
        Key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    public static ClusterPreparation None { get; } = new(Array.Empty<PreparationStep>());

    public IReadOnlyList<PreparationStep> Steps { get; }

    /// <summary>Changes whenever a step changes, so a prepared cluster made from other steps is never reused.</summary>
    public string Key { get; }

    public async Task ApplyAsync(string host, int port, string user, string password, CancellationToken cancellationToken)
    {
        // Consecutive steps in one database share a connection.
        foreach (var group in Steps.Select((step, index) => (step, index)).GroupBy(s => (s.step.Database, Run: RunOf(s.index))))
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = host,
                Port = port,
                Username = user,
                Password = password,
                Database = group.Key.Database,
                ApplicationName = "ride",
                Pooling = false,
                Timeout = 15,
                CommandTimeout = 120,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (step, _) in group)
            {
                await using var command = new NpgsqlCommand(step.Sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private int RunOf(int index)
    {
        var run = 0;
        for (var i = 1; i <= index; i++)
        {
            if (Steps[i].Database != Steps[i - 1].Database)
            {
                run++;
            }
        }

        return run;
    }
}

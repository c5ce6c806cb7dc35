using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Ride.Engines;

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

    /// <summary>Consecutive steps in the same database, in order: each run shares one connection (or one single-user server).</summary>
    public IReadOnlyList<(string Database, IReadOnlyList<string> Statements)> Runs()
    {
        var runs = new List<(string Database, IReadOnlyList<string> Statements)>();
        foreach (var step in Steps)
        {
            if (runs.Count > 0 && runs[^1].Database == step.Database)
            {
                ((List<string>)runs[^1].Statements).Add(step.Sql);
            }
            else
            {
                runs.Add((step.Database, new List<string> { step.Sql }));
            }
        }

        return runs;
    }

    /// <summary>Applies the steps through connections opened by the caller (a running server).</summary>
    public async Task ApplyAsync(Func<string, CancellationToken, Task<NpgsqlConnection>> open, CancellationToken cancellationToken)
    {
        foreach (var (database, statements) in Runs())
        {
            await using var connection = await open(database, cancellationToken).ConfigureAwait(false);
            foreach (var sql in statements)
            {
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

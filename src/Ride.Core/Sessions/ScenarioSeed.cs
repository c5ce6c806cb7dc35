using System.Security.Cryptography;
using System.Text;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>
/// A scenario's world after setup (roles, databases, setup scripts, Reset's snapshot of them), as the seed an engine
/// builds once per scenario version and clones for every start. Passwords are the session's own: they are set on the
/// clone, never taken from the seed.
/// </summary>
internal static class ScenarioSeed
{
    /// <summary>Bumped whenever what goes into a seed changes, so older seeds are not reused.</summary>
    private const int Layout = 1;

    public static SeedRequest For(RideScenario scenario, string superUser) => new()
    {
        Key = KeyFor(scenario.Path, superUser),
        Label = scenario.Id,
        SeedAsync = (node, superPassword, progress, token) => SeedAsync(node, superUser, superPassword, scenario, progress, token),
    };

    /// <summary>Every file of the scenario folder (name and bytes), Ride's preparation and the seed layout.</summary>
    internal static string KeyFor(string scenarioFolder, string superUser)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Layout}|{superUser}|{SessionLauncher.Preparation.Key}\n"));
        foreach (var file in Directory.EnumerateFiles(scenarioFolder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(scenarioFolder, f).Replace('\\', '/'))
                     .Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllBytes(Path.Combine(scenarioFolder, file));
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\0{content.Length}\0"));
            hash.AppendData(content);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static async Task SeedAsync(ISandboxNode node, string superUser, string superPassword, RideScenario scenario,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var definition = scenario.Definition;
        var seeding = new SessionRecord
        {
            SessionId = "seed",
            ScenarioId = scenario.Id,
            ScenarioPath = scenario.Path,
            SuperUser = superUser,
            SuperPassword = superPassword,
            OperatorRole = definition.OperatorRole,
            OperatorPassword = Secrets.NewPassword(),
            RolePasswords = definition.Roles.ToDictionary(r => r.Name, _ => Secrets.NewPassword()),
            Nodes = { node.Record },
        };
        var connections = new SessionConnections(seeding);
        progress.Report(new SandboxProgress($"Seeding {scenario.Id}: roles and databases", 14));
        await ScenarioSeeder.CreateRolesAndDatabasesAsync(seeding, definition, connections, cancellationToken).ConfigureAwait(false);
        var scripts = definition.Setup.Count;
        for (var i = 0; i < scripts; i++)
        {
            progress.Report(new SandboxProgress($"Seeding {scenario.Id}: {definition.Setup[i]} ({i + 1} of {scripts})", 15 + 8 * i / Math.Max(1, scripts)));
            await ScenarioSeeder.RunScriptAsync(node, seeding, scenario.FilePath(definition.Setup[i]), definition.Setup[i], "SetupScriptFailed", cancellationToken)
                .ConfigureAwait(false);
        }

        if (definition.TransactionAge is { } aged)
        {
            progress.Report(new SandboxProgress(
                $"Seeding {scenario.Id}: ageing {string.Join(", ", aged.Databases)} by {aged.Age:N0} transactions (pg_resetwal, then VACUUM FREEZE elsewhere)", 22));
            await TransactionAgeing.ApplyAsync(node, connections, aged, cancellationToken).ConfigureAwait(false);
        }

        progress.Report(new SandboxProgress($"Seeding {scenario.Id}: the snapshot Reset restores", 23));
        await SessionResetter.Snapshot.TakeAsync(seeding, definition, connections, cancellationToken).ConfigureAwait(false);
    }
}

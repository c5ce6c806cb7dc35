using System.Text;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>Puts a scenario's world into a server: its roles, its databases, its scripts (setup into a seed, the incident into a session).</summary>
internal static class ScenarioSeeder
{
    public static async Task CreateRolesAndDatabasesAsync(SessionRecord state, ScenarioDefinition definition, SessionConnections connections,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false);
        await SessionConnections.ExecuteAsync(connection,
            $"CREATE ROLE {Sql.Identifier(state.OperatorRole)} LOGIN SUPERUSER PASSWORD {Sql.Literal(state.OperatorPassword)}", cancellationToken).ConfigureAwait(false);

        // The operator's statements go to the server log, in order, with time, database and role: Detect reads them there.
        await SessionConnections.ExecuteAsync(connection, $"ALTER ROLE {Sql.Identifier(state.OperatorRole)} SET log_statement = 'all'", cancellationToken)
            .ConfigureAwait(false);
        foreach (var role in definition.Roles)
        {
            var login = role.Login ? "LOGIN" : "NOLOGIN";
            await SessionConnections.ExecuteAsync(connection,
                $"CREATE ROLE {Sql.Identifier(role.Name)} {login} PASSWORD {Sql.Literal(state.RolePasswords[role.Name])}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var database in definition.Databases)
        {
            await SessionConnections.ExecuteAsync(connection, $"CREATE DATABASE {Sql.Identifier(database)}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A seed's roles carry the seed's passwords: every session sets its own before anything else logs in.</summary>
    public static async Task GiveSessionPasswordsAsync(SessionRecord state, ScenarioDefinition definition, SessionConnections connections,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false);
        var statements = new StringBuilder()
            .Append("ALTER ROLE ").Append(Sql.Identifier(state.OperatorRole)).Append(" PASSWORD ").Append(Sql.Literal(state.OperatorPassword)).Append(";\n");
        foreach (var role in definition.Roles)
        {
            statements.Append("ALTER ROLE ").Append(Sql.Identifier(role.Name)).Append(" PASSWORD ").Append(Sql.Literal(state.RolePasswords[role.Name])).Append(";\n");
        }

        await SessionConnections.ExecuteAsync(connection, statements.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The incident script, with its directives: SQL parts on the node they name (the primary by default) and the
    /// actions that break things no SQL can (stop a node), run by Ride for the incident, not as the operator's evidence.
    /// </summary>
    public static async Task RunIncidentAsync(RideContext context, SessionRecord state, RideScenario scenario, CancellationToken cancellationToken)
    {
        var definition = scenario.Definition;
        var path = scenario.FilePath(definition.Incident);
        IReadOnlyList<Scoring.FixStep> steps;
        try
        {
            steps = Scoring.FixSteps.Split(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (RideException bad) when (bad.ErrorId == "FixRejected")
        {
            throw new RideException("IncidentScriptFailed", RideErrorCategory.InvalidData, $"{definition.Incident}: {bad.Message}", path);
        }

        foreach (var step in steps)
        {
            if (step.IsAction)
            {
                await new Actions.ActionRunner(context).RunAsync(state, definition, step.Action!, step.Node, cancellationToken, incident: true).ConfigureAwait(false);
                continue;
            }

            var node = await context.Engines.OpenAsync(state.Node(step.Node), cancellationToken).ConfigureAwait(false);
            await RunScriptTextAsync(node, state, step.Sql!, path, definition.Incident, "IncidentScriptFailed", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a scenario script through psql as ride_system; a failure names the script, its line and the server's message.</summary>
    public static async Task RunScriptAsync(ISandboxNode node, SessionRecord state, string path, string displayName, string errorId,
        CancellationToken cancellationToken) =>
        await RunScriptTextAsync(node, state, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path, displayName, errorId,
            cancellationToken).ConfigureAwait(false);

    private static async Task RunScriptTextAsync(ISandboxNode node, SessionRecord state, string script, string path, string displayName, string errorId,
        CancellationToken cancellationToken)
    {
        var result = await node.RunPsqlAsync(new PsqlInvocation
        {
            User = state.SuperUser,
            Password = state.SuperPassword,
            Database = ScenarioIds.DefaultDatabase,
            Script = script,
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var error = PsqlError.Parse(result.StandardError);
            var where = error?.Line is { } line ? $"{displayName} line {line}" : displayName;
            throw new RideException(errorId, RideErrorCategory.InvalidData,
                $"{where}: {error?.Message ?? result.StandardError.Trim()}", path);
        }
    }
}

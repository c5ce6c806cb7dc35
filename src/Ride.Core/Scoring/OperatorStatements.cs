using System.Text.RegularExpressions;
using Ride.Workload;

namespace Ride.Scoring;

/// <summary>One statement the operator ran, in the order the server received it.</summary>
public sealed record OperatorStatement(int Sequence, DateTimeOffset? Time, string Node, string? Database, int? Pid, string? Application, string Text)
{
    /// <summary>A look, not a change: a query, SHOW or EXPLAIN that alters nothing (psql's \d runs such queries).</summary>
    public bool IsRead => OperatorStatements.IsRead(Text);

    public override string ToString() => $"#{Sequence} {Database}: {Text}";
}

/// <summary>
/// The operator's statements, read back from the server log: the operator role logs every statement
/// (log_statement = all on that role alone), and Ride's log prefix gives each one its time, database, backend and
/// application. Unlike statement statistics, they keep their order and where they ran.
/// </summary>
public static partial class OperatorStatements
{
    [GeneratedRegex(@"^(?:statement|execute [^:]*): ", RegexOptions.CultureInvariant)]
    private static partial Regex StatementPrefix();

    /// <summary>Comments, string literals and quoted identifiers: what a statement says, not what it does.</summary>
    [GeneratedRegex(@"--[^\n]*|/\*[\s\S]*?\*/|[Ee]?'(?:[^']|'')*'|""(?:[^""]|"""")*""|\$(\w*)\$[\s\S]*?\$\1\$")]
    private static partial Regex Inert();

    [GeneratedRegex(@"^\(*\s*(select|with|show|explain|table|values)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadStart();

    /// <summary>Things a SELECT can do that change the server, its sessions or its data.</summary>
    [GeneratedRegex(@"\b(pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|set_config|setval|nextval|pg_advisory\w*|lo_\w+|pg_switch_wal|pg_promote|pg_stat_reset\w*|pg_stat_statements_reset|pg_log_backend_memory_contexts|dblink\w*|pg_create_\w+|pg_drop_replication_slot|pg_replication_slot_advance)\s*\(|\bfor\s+(no\s+key\s+)?(update|share)\b|\b(insert|update|delete|merge)\s|\binto\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Writes();

    [GeneratedRegex(@"^explain\b[^;]*\banalyze\b[\s\S]*\b(insert|update|delete|merge)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplainAnalyzeWrite();

    /// <summary>The operator's statements in one node's log, since a moment (the incident of the current generation).</summary>
    public static IReadOnlyList<OperatorStatement> From(IEnumerable<ServerLogLine> lines, string operatorRole, string node, DateTimeOffset? since,
        int firstSequence = 1)
    {
        var statements = new List<OperatorStatement>();
        foreach (var line in lines)
        {
            if (line.User != operatorRole || line.Level != "LOG" || (since is { } start && line.Time is { } time && time < start))
            {
                continue;
            }

            var match = StatementPrefix().Match(line.Message);
            if (!match.Success)
            {
                continue;
            }

            statements.Add(new OperatorStatement(firstSequence + statements.Count, line.Time, node, line.Database, line.Pid, line.ApplicationName,
                line.Message[match.Length..].Trim()));
        }

        return statements;
    }

    /// <summary>True for a statement that only looks: SELECT, WITH … SELECT, SHOW, EXPLAIN, TABLE or VALUES, with nothing in it that changes anything.</summary>
    public static bool IsRead(string sql)
    {
        var text = Inert().Replace(sql, m => m.Value.StartsWith("--", StringComparison.Ordinal) || m.Value.StartsWith("/*", StringComparison.Ordinal) ? " " : " '' ").Trim();
        return ReadStart().IsMatch(text) && !Writes().IsMatch(text) && !ExplainAnalyzeWrite().IsMatch(text);
    }
}

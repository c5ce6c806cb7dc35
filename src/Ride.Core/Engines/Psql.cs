using System.Globalization;

namespace Ride.Engines;

/// <summary>A psql run: the script goes in on standard input so it works the same on every engine.</summary>
public sealed class PsqlInvocation
{
    public required string User { get; init; }

    public required string Password { get; init; }

    public required string Database { get; init; }

    public required string Script { get; init; }

    public string ApplicationName { get; init; } = "ride";

    /// <summary>Passed as PGOPTIONS, e.g. "-c statement_timeout=30s".</summary>
    public string? Options { get; init; }
}

/// <summary>psql's command line and environment, shared by the engines.</summary>
public static class PsqlArguments
{
    public static IEnumerable<string> For(Endpoint server, PsqlInvocation invocation) => new[]
    {
        "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", server.Host, "-p", server.Port.ToString(CultureInfo.InvariantCulture),
        "-U", invocation.User, "-d", invocation.Database,
        "-f", "-",
    };

    public static IReadOnlyDictionary<string, string?> Environment(PsqlInvocation invocation) => new Dictionary<string, string?>
    {
        ["PGPASSWORD"] = invocation.Password,
        ["PGAPPNAME"] = invocation.ApplicationName,
        ["PGOPTIONS"] = invocation.Options,
        ["PGCONNECT_TIMEOUT"] = "10",
    };
}

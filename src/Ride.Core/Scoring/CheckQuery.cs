using System.Globalization;
using Npgsql;

namespace Ride.Scoring;

/// <summary>A check's query: first column a boolean (passed), optional second column what it saw.</summary>
public static class CheckQuery
{
    /// <summary>Runs the query; an error is a failed result whose evidence is the server's message.</summary>
    public static async Task<(bool Passed, string Evidence)> RunAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return (false, "the check returned no row");
            }

            var passed = !reader.IsDBNull(0) && reader.GetBoolean(0);
            var text = reader.FieldCount > 1 && !reader.IsDBNull(1) ? Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture) ?? "" : "";
            return (passed, text.Length > 0 ? text : passed ? "yes" : "no");
        }
        catch (PostgresException ex)
        {
            return (false, $"{ex.SqlState}: {ex.MessageText}");
        }
    }
}

using System.Text.RegularExpressions;

namespace Ride.Engines;

/// <summary>The first error psql reported for a script fed on standard input, with its line.</summary>
public sealed partial record PsqlError(int? Line, string Message, string Detail)
{
    [GeneratedRegex(@"^psql:[^:]*:(?<line>\d+): (?<level>ERROR|FATAL|error):\s*(?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    public static PsqlError? Parse(string standardError)
    {
        if (string.IsNullOrWhiteSpace(standardError))
        {
            return null;
        }

        var match = ErrorLine().Match(standardError);
        if (!match.Success)
        {
            var first = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("FATAL", StringComparison.Ordinal));
            return first is null ? null : new PsqlError(null, first.Trim(), standardError.Trim());
        }

        var detail = standardError[match.Index..].Trim();
        return new PsqlError(int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["message"].Value.Trim(), detail);
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace Ride.Common;

/// <summary>PowerShell-style wildcards (*, ?, [abc], ` escapes), case-insensitive, matched against the whole text.</summary>
public sealed class Wildcard
{
    private readonly Regex _regex;

    public Wildcard(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    public bool IsMatch(string? text) => _regex.IsMatch(text ?? "");

    /// <summary>True when the pattern has a wildcard character that is not escaped.</summary>
    public static bool HasWildcards(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '`':
                    i++;
                    break;
                case '*' or '?' or '[':
                    return true;
            }
        }

        return false;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close].Replace(@"\", @"\\", StringComparison.Ordinal).Replace("^", @"\^", StringComparison.Ordinal);
                    regex.Append('[').Append(set).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}

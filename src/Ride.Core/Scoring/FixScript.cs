using System.Text;
using System.Text.RegularExpressions;
using Ride.Common;

namespace Ride.Scoring;

/// <summary>
/// A fix, vetted and ready for psql: a fix file is untrusted input, so every psql meta-command in it is checked
/// against the few that only talk to the sandbox's server or shape the output, and \i / \ir of files in the fix's own
/// folder are inlined here (psql never opens a file). Anything else (shell escapes, files, pipes, environment) is
/// refused with FixRejected, naming the line and what is allowed.
/// </summary>
public sealed partial class FixScript
{
    private const int MaxIncludeDepth = 8;

    /// <summary>Meta-commands that only change how results look or what psql prints.</summary>
    private static readonly HashSet<string> Display = new(StringComparer.Ordinal)
    {
        "a", "C", "f", "H", "t", "T", "x", "pset", "timing", "errverbose", "conninfo", "encoding", "echo", "qecho", "warn",
        "set", "unset", "if", "elif", "else", "endif", "q", "quit", "gexec", "gdesc", "crosstabview", "h", "help", "?", "\\",
        "l", "l+", "list", "list+", "z", "sf", "sf+", "sv", "sv+",
    };

    public const string AllowedSummary =
        "\\c or \\connect <database> [user], the \\d family, \\l, \\z, \\sf, \\sv, \\x, \\pset, \\timing, \\echo, \\set, \\if…\\endif, "
        + "\\g and \\gx without a target, \\gset, \\gexec, \\copy … from stdin or to stdout, and \\i or \\ir of a file in the fix's own folder";

    [GeneratedRegex(@"^d[A-Za-z]*[S+]{0,2}$")]
    private static partial Regex DescribeCommand();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*$|^""([^""]|"""")+""$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@":(['""]?)[A-Za-z_]")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^\s*COPY\b[\s\S]*\bFROM\s+STDIN\b", RegexOptions.IgnoreCase)]
    private static partial Regex CopyFromStdin();

    private readonly List<(string? File, int Line)> _origins;

    private FixScript(string text, List<(string? File, int Line)> origins)
    {
        Text = text;
        _origins = origins;
    }

    /// <summary>The script psql runs: the fix with its includes inlined.</summary>
    public string Text { get; }

    /// <summary>Where a line of <see cref="Text"/> came from: the included file (null for the fix itself) and its line there.</summary>
    public (string? File, int Line) Origin(int line) =>
        line >= 1 && line <= _origins.Count ? _origins[line - 1] : (null, line);

    /// <summary>Vets a fix. <paramref name="folder"/> is the fix file's folder (null for -Sql, which may include nothing).</summary>
    public static FixScript Prepare(string sql, string? folder)
    {
        var text = new StringBuilder();
        var origins = new List<(string? File, int Line)>();
        Append(sql, null, folder is null ? null : Path.GetFullPath(folder), text, origins, 0);
        return new FixScript(text.ToString(), origins);
    }

    private static void Append(string sql, string? file, string? folder, StringBuilder output, List<(string? File, int Line)> origins, int depth)
    {
        var lexer = new SqlLexer();
        var lines = sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var copyData = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var number = index + 1;
            if (copyData)
            {
                // COPY … FROM STDIN data is psql's input, not commands, up to the line that ends it.
                output.Append(line).Append('\n');
                origins.Add((file, number));
                copyData = line != "\\.";
                continue;
            }

            var commands = lexer.MetaCommands(line);
            copyData = lexer.CopyDataFollows || commands.Any(c => c.Name == "copy" && IsCopyFromInput(c.Arguments));
            if (commands.Count == 0)
            {
                output.Append(line).Append('\n');
                origins.Add((file, number));
                continue;
            }

            var include = (string?)null;
            foreach (var (name, arguments) in commands)
            {
                include ??= Vet(name, arguments, file, number, folder);
            }

            if (include is null)
            {
                output.Append(line).Append('\n');
                origins.Add((file, number));
                continue;
            }

            if (depth >= MaxIncludeDepth)
            {
                throw Rejected(file, number, $"includes nest more than {MaxIncludeDepth} deep.");
            }

            // The include replaces its line; what it contains is vetted the same way, relative to its own folder.
            Append(File.ReadAllText(include), Path.GetFileName(include), Path.GetDirectoryName(include), output, origins, depth + 1);
        }
    }

    /// <summary>Checks one meta-command; returns the file to inline for an include, else null.</summary>
    private static string? Vet(string name, string arguments, string? file, int line, string? folder)
    {
        if (arguments.Contains('`', StringComparison.Ordinal))
        {
            throw Rejected(file, line, $"\\{name} has a backquoted argument, which psql would run as a shell command.");
        }

        if (Display.Contains(name) || DescribeCommand().IsMatch(name))
        {
            return null;
        }

        var words = SplitArguments(arguments);
        switch (name)
        {
            case "c" or "connect":
                if (words.Count is 0 or > 2 || words.Any(w => w != "-" && (!PlainName().IsMatch(w) || w.Contains('=') || w.Contains(':'))) || Interpolation().IsMatch(arguments))
                {
                    // psql takes a word with '=' or a URI for a whole connection string, host included.
                    throw Rejected(file, line, $"\\{name} may name a database of the sandbox and a user, nothing else (no host, port or connection string).");
                }

                return null;
            case "g" or "gx":
                if (words.Count > 0)
                {
                    throw Rejected(file, line, $"\\{name} may not send results to a file or a program.");
                }

                return null;
            case "gset":
                if (words.Count > 1 || words.Any(w => !PlainName().IsMatch(w)))
                {
                    throw Rejected(file, line, "\\gset takes at most a variable prefix.");
                }

                return null;
            case "copy":
                VetCopy(arguments, file, line);
                return null;
            case "i" or "include" or "ir" or "include_relative":
                return Include(name, words, file, line, folder);
            default:
                throw Rejected(file, line, $"\\{name} is not allowed in a fix.");
        }
    }

    private static bool IsCopyFromInput(string arguments)
    {
        var words = SplitArguments(arguments);
        var from = words.ToList().FindIndex(w => w.Equals("from", StringComparison.OrdinalIgnoreCase));
        return from >= 0 && from + 1 < words.Count && words[from + 1].ToLowerInvariant() is "stdin" or "pstdin";
    }

    /// <summary>\copy reads and writes psql's own files unless its source or target is stdin, stdout, pstdin or pstdout.</summary>
    private static void VetCopy(string arguments, string? file, int line)
    {
        var depth = 0;
        var words = new List<string>();
        foreach (var word in SplitArguments(arguments))
        {
            depth += word.Count(c => c == '(') - word.Count(c => c == ')');
            if (depth == 0)
            {
                words.Add(word);
            }
        }

        var direction = words.FindIndex(w => w.Equals("from", StringComparison.OrdinalIgnoreCase) || w.Equals("to", StringComparison.OrdinalIgnoreCase));
        var target = direction >= 0 && direction + 1 < words.Count ? words[direction + 1].ToLowerInvariant() : null;
        if (target is not ("stdin" or "stdout" or "pstdin" or "pstdout"))
        {
            throw Rejected(file, line, "\\copy may only read from stdin or write to stdout; files and programs are outside the sandbox.");
        }
    }

    private static string Include(string name, IReadOnlyList<string> words, string? file, int line, string? folder)
    {
        if (folder is null)
        {
            throw Rejected(file, line, $"\\{name} needs a fix file: a fix given as a string has no folder to include from.");
        }

        if (words.Count != 1 || Interpolation().IsMatch(words[0]))
        {
            throw Rejected(file, line, $"\\{name} takes one file name.");
        }

        var path = Path.GetFullPath(Path.Combine(folder, Unquote(words[0])));
        var real = File.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
        var root = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!real.StartsWith(root, StringComparison.Ordinal))
        {
            throw Rejected(file, line, $"\\{name} {words[0]} is outside the fix's folder ({folder}); only files beside the fix may be included.");
        }

        if (!File.Exists(real))
        {
            throw Rejected(file, line, $"\\{name} {words[0]}: there is no such file in {folder}.");
        }

        return real;
    }

    private static string Unquote(string word) =>
        word.Length >= 2 && word[0] == '\'' && word[^1] == '\'' ? word[1..^1].Replace("''", "'", StringComparison.Ordinal) : word;

    /// <summary>psql's argument words: whitespace-separated, with single or double quotes keeping spaces.</summary>
    internal static IReadOnlyList<string> SplitArguments(string arguments)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        foreach (var c in arguments)
        {
            if (quote != '\0')
            {
                current.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                if (c is '\'' or '"')
                {
                    quote = c;
                }

                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static RideException Rejected(string? file, int line, string reason) =>
        new("FixRejected", RideErrorCategory.SecurityError,
            $"The fix was not run: {(file is null ? "" : file + " ")}line {line}: {reason} A fix may use only these psql meta-commands: {AllowedSummary}.",
            file is null ? $"line {line}" : $"{file}:{line}");

    /// <summary>
    /// Follows SQL's quoting across lines (strings, E'' strings, quoted identifiers, dollar quotes, comments) so that a
    /// backslash is only taken for a meta-command where psql would take it for one.
    /// </summary>
    private sealed class SqlLexer
    {
        private enum State
        {
            Normal,
            SingleQuote,
            EscapeQuote,
            DoubleQuote,
            DollarQuote,
            BlockComment,
        }

        private readonly StringBuilder _statement = new();
        private State _state = State.Normal;
        private string _dollarTag = "";
        private int _commentDepth;

        /// <summary>The line just read ended a COPY … FROM STDIN statement: data lines follow.</summary>
        public bool CopyDataFollows { get; private set; }

        /// <summary>The meta-commands on this line (name, argument text), in order.</summary>
        public IReadOnlyList<(string Name, string Arguments)> MetaCommands(string line)
        {
            var found = new List<(string, string)>();
            CopyDataFollows = false;
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                switch (_state)
                {
                    case State.Normal:
                        if (c == '\\')
                        {
                            var (name, arguments, next) = ReadMetaCommand(line, i);
                            found.Add((name, arguments));
                            i = next;
                            continue;
                        }

                        if (c == '-' && At(line, i + 1) == '-')
                        {
                            _statement.Append('\n');
                            return found;
                        }

                        if (c == ';')
                        {
                            CopyDataFollows = CopyFromStdin().IsMatch(_statement.ToString());
                            _statement.Clear();
                            i++;
                            continue;
                        }

                        if (c == '/' && At(line, i + 1) == '*')
                        {
                            _state = State.BlockComment;
                            _commentDepth = 1;
                            i += 2;
                            continue;
                        }

                        _statement.Append(c);
                        if (c == '\'')
                        {
                            _state = i > 0 && line[i - 1] is 'E' or 'e' && (i == 1 || !IsIdentifier(line[i - 2])) ? State.EscapeQuote : State.SingleQuote;
                        }
                        else if (c == '"')
                        {
                            _state = State.DoubleQuote;
                        }
                        else if (c == '$' && DollarTagAt(line, i) is { } tag && (i == 0 || !IsIdentifier(line[i - 1])))
                        {
                            _state = State.DollarQuote;
                            _dollarTag = tag;
                            i += tag.Length;
                            continue;
                        }

                        break;
                    case State.SingleQuote:
                        if (c == '\'')
                        {
                            _state = State.Normal;
                        }

                        break;
                    case State.EscapeQuote:
                        if (c == '\\')
                        {
                            i += 2;
                            continue;
                        }

                        if (c == '\'')
                        {
                            _state = State.Normal;
                        }

                        break;
                    case State.DoubleQuote:
                        if (c == '"')
                        {
                            _state = State.Normal;
                        }

                        break;
                    case State.DollarQuote:
                        if (c == '$' && string.CompareOrdinal(line, i, _dollarTag, 0, _dollarTag.Length) == 0)
                        {
                            _state = State.Normal;
                            i += _dollarTag.Length;
                            continue;
                        }

                        break;
                    case State.BlockComment:
                        if (c == '/' && At(line, i + 1) == '*')
                        {
                            _commentDepth++;
                            i += 2;
                            continue;
                        }

                        if (c == '*' && At(line, i + 1) == '/')
                        {
                            i += 2;
                            if (--_commentDepth == 0)
                            {
                                _state = State.Normal;
                            }

                            continue;
                        }

                        break;
                }

                i++;
            }

            _statement.Append('\n');
            return found;
        }

        /// <summary>A meta-command's name (letters, digits and +, or one other character) and its arguments, up to the next backslash or the end of the line.</summary>
        private static (string Name, string Arguments, int Next) ReadMetaCommand(string line, int start)
        {
            var i = start + 1;
            string name;
            if (i < line.Length && (char.IsLetter(line[i]) || line[i] == '_'))
            {
                var begin = i;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] is '_' or '+'))
                {
                    i++;
                }

                name = line[begin..i];
            }
            else
            {
                name = i < line.Length ? line[i].ToString() : "";
                i = Math.Min(i + 1, line.Length);
            }

            // Arguments run to the end of the line; a later backslash outside quotes starts another meta-command.
            var argumentStart = i;
            var quote = '\0';
            while (i < line.Length && (quote != '\0' || line[i] != '\\'))
            {
                if (quote == '\0' && line[i] is '\'' or '"' or '`')
                {
                    quote = line[i];
                }
                else if (line[i] == quote)
                {
                    quote = '\0';
                }

                i++;
            }

            return (name, line[argumentStart..i].Trim(), i);
        }

        private static char At(string line, int index) => index < line.Length ? line[index] : '\0';

        private static bool IsIdentifier(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static string? DollarTagAt(string line, int start)
        {
            var end = start + 1;
            if (end < line.Length && (char.IsDigit(line[end])))
            {
                return null;
            }

            while (end < line.Length && IsIdentifier(line[end]))
            {
                end++;
            }

            return end < line.Length && line[end] == '$' ? line[start..(end + 1)] : null;
        }
    }
}

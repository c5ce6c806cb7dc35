namespace Ride.Common;

/// <summary>The one place identifiers and literals are quoted for SQL that Ride builds itself.</summary>
public static class Sql
{
    public static string Identifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('\0'))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }

        return "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0'))
        {
            throw new ArgumentException("A literal cannot contain a NUL character.", nameof(value));
        }

        return "'" + value.Replace("'", "''") + "'";
    }
}

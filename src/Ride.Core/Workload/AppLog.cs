using System.Text;
using System.Text.Json;

namespace Ride.Workload;

/// <summary>Reads what the actors recorded. Lines being written while we read are skipped, not fatal.</summary>
public static class AppLog
{
    public static IReadOnlyList<AppLogEntry> Read(string sessionDirectory)
    {
        var path = Path.Combine(sessionDirectory, ActorFiles.AppLog);
        if (!File.Exists(path))
        {
            return Array.Empty<AppLogEntry>();
        }

        var entries = new List<AppLogEntry>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[^1] != '}')
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, ActorJson.Default.AppLogEntry) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
            }
        }

        return entries;
    }
}

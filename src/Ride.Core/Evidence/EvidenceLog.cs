using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ride.Common;

namespace Ride.Evidence;

/// <summary>What kinds of thing the evidence log records.</summary>
public static class EvidenceKinds
{
    /// <summary>The session started (the first generation begins).</summary>
    public const string Start = "start";

    /// <summary>A Ride command the operator ran (Name: the command, Arguments: its parameters).</summary>
    public const string Command = "command";

    /// <summary>A hint was revealed (Arguments: number).</summary>
    public const string Hint = "hint";

    /// <summary>A fix was submitted (Arguments: number, path, database; Outcome: how it ended).</summary>
    public const string Submission = "submission";

    /// <summary>The session was reset (a new generation begins).</summary>
    public const string Reset = "reset";

    /// <summary>A fix changed something of Ride's own, which Ride put back (Name: what; Outcome: how it was found).</summary>
    public const string Tampering = "tampering";

    /// <summary>A safe action (Name: the action; Arguments: node; Outcome: done, unchanged or refused, with why).</summary>
    public const string Action = "action";
}

/// <summary>One thing the operator did through Ride, with its time and the reset generation it belongs to.</summary>
public sealed class EvidenceEvent
{
    [JsonPropertyName("t")]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("args")]
    public Dictionary<string, string> Arguments { get; set; } = new();

    [JsonPropertyName("gen")]
    public int Generation { get; set; }

    [JsonPropertyName("outcome")]
    public string? Outcome { get; set; }

    public override string ToString() => $"{Time:HH:mm:ss} {Kind} {Name}";
}

/// <summary>
/// events.jsonl in the session folder: everything the operator does through Ride, appended in order. Detect checks
/// read it beside the statement statistics; Reset starts a new generation instead of forgetting.
/// </summary>
public sealed class EvidenceLog
{
    public const string FileName = "events.jsonl";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string _path;

    public EvidenceLog(string sessionDirectory) => _path = Path.Combine(sessionDirectory, FileName);

    public async Task AppendAsync(EvidenceEvent entry, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        using var gate = await FileLock.AcquireAsync(_path + ".lock", cancellationToken).ConfigureAwait(false);
        await File.AppendAllTextAsync(_path, line, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
    }

    public Task AppendAsync(string kind, string name, int generation, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? arguments = null, string? outcome = null) =>
        AppendAsync(new EvidenceEvent
        {
            Time = DateTimeOffset.UtcNow,
            Kind = kind,
            Name = name,
            Generation = generation,
            Arguments = arguments is null ? new Dictionary<string, string>() : new Dictionary<string, string>(arguments),
            Outcome = outcome,
        }, cancellationToken);

    /// <summary>Every event, in the order written; a line cut short by a crash is skipped.</summary>
    public IReadOnlyList<EvidenceEvent> Read()
    {
        if (!File.Exists(_path))
        {
            return Array.Empty<EvidenceEvent>();
        }

        var events = new List<EvidenceEvent>();
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            try
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<EvidenceEvent>(line, Json) is { } entry)
                {
                    events.Add(entry);
                }
            }
            catch (JsonException)
            {
            }
        }

        return events;
    }

    /// <summary>The events of one generation (the session's current one, for scoring).</summary>
    public IReadOnlyList<EvidenceEvent> ForGeneration(int generation) => Read().Where(e => e.Generation == generation).ToList();
}

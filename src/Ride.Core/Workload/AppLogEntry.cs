using System.Text.Json.Serialization;

namespace Ride.Workload;

/// <summary>One request outcome of an actor, one JSON line in app.log.</summary>
public sealed class AppLogEntry
{
    [JsonPropertyName("t")]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("actor")]
    public string Actor { get; set; } = "";

    [JsonPropertyName("app")]
    public string ApplicationName { get; set; } = "";

    [JsonPropertyName("conn")]
    public int Connection { get; set; }

    [JsonPropertyName("pid")]
    public int BackendPid { get; set; }

    [JsonPropertyName("ok")]
    public bool Ok { get; set; }

    [JsonPropertyName("state")]
    public string? SqlState { get; set; }

    [JsonPropertyName("msg")]
    public string? Message { get; set; }

    [JsonPropertyName("ms")]
    public double DurationMs { get; set; }

    [JsonPropertyName("event")]
    public string Event { get; set; } = AppLogEvents.Request;
}

using System.Text.Json.Serialization;

namespace Ride.Workload;

/// <summary>
/// The files through which Ride and the actors process talk, all in the session folder. This file and the
/// configuration and log types are compiled into both programs, so the two sides cannot drift apart.
/// </summary>
public static class ActorFiles
{
    public const string Configuration = "actors.json";
    public const string AppLog = "app.log";
    public const string ProcessLog = "actors.out";
    public const string IncidentCue = "incident.applied";
    public const string Stop = "actors.stop";
    public const string Pause = "actors.pause";
    public const string Paused = "actors.paused";
}

/// <summary>Source-generated serialisation: no reflection, so the actors program can be compiled ahead of time.</summary>
[JsonSerializable(typeof(ActorConfiguration))]
[JsonSerializable(typeof(AppLogEntry))]
public sealed partial class ActorJson : JsonSerializerContext
{
}

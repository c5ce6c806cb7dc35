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

    /// <summary>Ride asks for a round (a token): every connection acts once more and reports how it stands.</summary>
    public const string Round = "actors.round";

    /// <summary>The actors' answer to a round: the token, written once every connection has done its part.</summary>
    public const string RoundDone = "actors.round.done";
}

/// <summary>The events of the application log.</summary>
public static class AppLogEvents
{
    public const string Connect = "connect";
    public const string Disconnect = "disconnect";
    public const string Request = "request";
}

/// <summary>The small token files through which Ride and the actors process talk: written whole, then moved into place.</summary>
public static class ControlFile
{
    public static string NewToken() => Guid.NewGuid().ToString("N");

    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var pending = path + ".tmp";
        await File.WriteAllTextAsync(pending, content, cancellationToken).ConfigureAwait(false);
        File.Move(pending, path, overwrite: true);
    }

    /// <summary>The content of a control file, or null when there is none.</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim() : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>Source-generated serialisation: no reflection, so the actors program can be compiled ahead of time.</summary>
[JsonSerializable(typeof(ActorConfiguration))]
[JsonSerializable(typeof(AppLogEntry))]
public sealed partial class ActorJson : JsonSerializerContext
{
}

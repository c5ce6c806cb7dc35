using System.Text.Json;
using System.Text.Json.Serialization;
using Ride.Common;

namespace Ride.Sessions;

/// <summary>session.json files under RIDE_HOME/sessions, so any pwsh process sees the same sessions.</summary>
public sealed class SessionStore
{
    private const string StateFileName = "session.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly RideOptions _options;

    public SessionStore(RideOptions options) => _options = options;

    public string Directory(string sessionId) => _options.SessionDirectory(sessionId);

    private string StateFile(string sessionId) => Path.Combine(Directory(sessionId), StateFileName);

    public void Save(SessionRecord state)
    {
        var directory = Directory(state.SessionId);
        System.IO.Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var temporary = StateFile(state.SessionId) + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, StateFile(state.SessionId), overwrite: true);
    }

    public SessionRecord? TryLoad(string sessionId)
    {
        var file = StateFile(sessionId);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SessionRecord>(File.ReadAllText(file), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    public SessionRecord Load(string sessionId) => TryLoad(sessionId) ?? throw NotFound(sessionId);

    public IReadOnlyList<SessionRecord> LoadAll()
    {
        if (!System.IO.Directory.Exists(_options.SessionsDirectory))
        {
            return Array.Empty<SessionRecord>();
        }

        return System.IO.Directory.EnumerateDirectories(_options.SessionsDirectory)
            .Select(d => TryLoad(Path.GetFileName(d)))
            .OfType<SessionRecord>()
            .OrderBy(s => s.StartedAt)
            .ToList();
    }

    /// <summary>Applies a change to the stored state under a lock, so two pwsh processes cannot lose each other's updates.</summary>
    public async Task<SessionRecord> UpdateAsync(string sessionId, Action<SessionRecord> change, CancellationToken cancellationToken)
    {
        IDisposable gate;
        try
        {
            gate = await FileLock.AcquireAsync(Path.Combine(Directory(sessionId), "session.lock"), cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryNotFoundException)
        {
            throw NotFound(sessionId);
        }

        using (gate)
        {
            var state = Load(sessionId);
            change(state);
            Save(state);
            return state;
        }
    }

    public void Delete(string sessionId)
    {
        var directory = Directory(sessionId);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    private static RideException NotFound(string sessionId) =>
        new("SessionNotFound", RideErrorCategory.ObjectNotFound,
            $"No Ride session has the id '{sessionId}'. Run Get-RideSession to list the live ones.", sessionId);
}

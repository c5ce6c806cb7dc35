using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ride.Common;

namespace Ride.Sessions;

/// <summary>session.json files under RIDE_HOME/sessions, so any pwsh process sees the same sessions.</summary>
public static class SessionStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string StateFile(string sessionId) => Path.Combine(RidePaths.SessionDirectory(sessionId), "session.json");

    public static void Save(SessionRecord state)
    {
        var directory = RidePaths.SessionDirectory(state.SessionId);
        Directory.CreateDirectory(directory);
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

    public static SessionRecord? TryLoad(string sessionId)
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
        catch (JsonException)
        {
            return null;
        }
    }

    public static SessionRecord Load(string sessionId) =>
        TryLoad(sessionId) ?? throw new RideException("SessionNotFound", ErrorCategory.ObjectNotFound,
            $"No Ride session has the id '{sessionId}'. Run Get-RideSession to list the live ones.", sessionId);

    public static IReadOnlyList<SessionRecord> LoadAll()
    {
        if (!Directory.Exists(RidePaths.SessionsDirectory))
        {
            return Array.Empty<SessionRecord>();
        }

        return Directory.EnumerateDirectories(RidePaths.SessionsDirectory)
            .Select(d => TryLoad(Path.GetFileName(d)))
            .OfType<SessionRecord>()
            .OrderBy(s => s.StartedAt)
            .ToList();
    }

    /// <summary>Applies a change to the stored state under a lock, so two pwsh processes cannot lose each other's updates.</summary>
    public static SessionRecord Update(string sessionId, Action<SessionRecord> change)
    {
        using var gate = Lock(sessionId);
        var state = Load(sessionId);
        change(state);
        Save(state);
        return state;
    }

    public static IDisposable Lock(string sessionId)
    {
        var path = Path.Combine(RidePaths.SessionDirectory(sessionId), "session.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (DirectoryNotFoundException)
            {
                throw new RideException("SessionNotFound", ErrorCategory.ObjectNotFound,
                    $"No Ride session has the id '{sessionId}'. Run Get-RideSession to list the live ones.", sessionId);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(25);
            }
        }
    }

    public static void Delete(string sessionId)
    {
        var directory = RidePaths.SessionDirectory(sessionId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using System.Runtime.InteropServices;

namespace Ride.Common;

internal static partial class NativeMethods
{
    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();

    [DllImport("libc", EntryPoint = "getegid")]
    private static extern uint getegid();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public static uint GetEuid() => OperatingSystem.IsWindows() ? uint.MaxValue : geteuid();

    public static uint GetEgid() => OperatingSystem.IsWindows() ? uint.MaxValue : getegid();

    /// <summary>Sends a signal (by number, as kill(2) does). Windows has no signals: anything but 0 ends the process.</summary>
    public static void Signal(int pid, int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            if (signal != 0)
            {
                Terminate(pid);
            }

            return;
        }

        kill(pid, signal);
    }

    /// <summary>The command line of a process, arguments separated by spaces; empty when it cannot be read.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The parent of a process, from /proc; null when it is gone.</summary>
    public static int? ParentOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("PPid:", StringComparison.Ordinal) && int.TryParse(line[5..].Trim(), out var parent))
                {
                    return parent;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>Every live process whose command line contains the text (from /proc).</summary>
    public static IReadOnlyList<int> FindProcesses(string commandLineContains)
    {
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && CommandLine(pid).Contains(commandLineContains, StringComparison.Ordinal))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>True when a process with this pid exists (signal 0 probes without touching it).</summary>
    public static bool ProcessExists(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        if (kill(pid, 0) == 0)
        {
            return !IsZombie(pid);
        }

        // EPERM: it exists but belongs to someone else.
        return Marshal.GetLastWin32Error() == 1;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                p.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
            }

            return;
        }

        kill(pid, 15);
    }

    public static void Kill(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            kill(pid, 9);
        }
        else
        {
            Terminate(pid);
        }
    }
}

using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>Finds initdb, pg_ctl, postgres and psql: PATH, pg_config --bindir, then the usual install folders (newest first).</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = { "initdb", "pg_ctl", "postgres", "psql" };

    public static string Find(RideOptions options)
    {
        var searched = new List<string>();
        foreach (var candidate in Candidates(options))
        {
            searched.Add(candidate);
            if (Required.All(tool => File.Exists(Path.Combine(candidate, Executable(tool)))))
            {
                return candidate;
            }
        }

        throw new RideException("PostgresBinariesNotFound", RideErrorCategory.NotInstalled,
            "PostgreSQL server binaries (initdb, pg_ctl, postgres, psql) were not found. Searched: PATH, pg_config --bindir, "
            + string.Join(", ", searched.Distinct()) + ". "
            + "Install them (Debian/Ubuntu: 'sudo apt-get install postgresql'; macOS: 'brew install postgresql@15'; "
            + "Windows: the EDB installer), put their bin folder on PATH, or set RIDE_PG_BIN to it. "
            + "Or use the Docker engine: start Docker and run with -Engine Docker.",
            "initdb");
    }

    private static IEnumerable<string> Candidates(RideOptions options)
    {
        if (options.PostgresBin is { } configured)
        {
            yield return configured;
            yield break;
        }

        foreach (var dir in options.SearchPath)
        {
            var initdb = Path.Combine(dir, Executable("initdb"));
            if (File.Exists(initdb))
            {
                // Debian links /usr/local/bin/initdb into the versioned folder; follow the link so the siblings are found.
                var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true);
                yield return target is null ? dir : Path.GetDirectoryName(target.FullName)!;
            }
        }

        var pgConfigBin = PgConfigBinDir(options);
        if (pgConfigBin is not null)
        {
            yield return pgConfigBin;
        }

        foreach (var pattern in new[] { "/usr/lib/postgresql", "/usr/pgsql-", "/opt/homebrew/opt", "/usr/local/opt", @"C:\Program Files\PostgreSQL" })
        {
            foreach (var dir in VersionedFolders(pattern))
            {
                yield return dir;
            }
        }
    }

    private static IEnumerable<string> VersionedFolders(string root)
    {
        if (root.EndsWith('-'))
        {
            var parent = Path.GetDirectoryName(root)!;
            if (!Directory.Exists(parent))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateDirectories(parent, Path.GetFileName(root) + "*")
                .OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"));
        }

        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        var pattern = root.Contains("opt", StringComparison.Ordinal) && !root.StartsWith("C:", StringComparison.Ordinal) ? "postgresql*" : "*";
        return Directory.EnumerateDirectories(root, pattern).OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"));
    }

    private static double VersionOf(string dir)
    {
        var digits = new string(Path.GetFileName(dir).SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    private static string? PgConfigBinDir(RideOptions options)
    {
        foreach (var dir in options.SearchPath)
        {
            var pgConfig = Path.Combine(dir, Executable("pg_config"));
            if (!File.Exists(pgConfig))
            {
                continue;
            }

            try
            {
                using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(pgConfig, "--bindir")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (p is null)
                {
                    return null;
                }

                var output = p.StandardOutput.ReadToEnd().Trim();
                p.WaitForExit(5000);
                return output.Length > 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        return null;
    }

    public static string Executable(string tool) => OperatingSystem.IsWindows() ? tool + ".exe" : tool;

    /// <summary>A program on the search path, or null.</summary>
    public static string? OnPath(RideOptions options, string program) =>
        options.SearchPath.Select(d => Path.Combine(d, Executable(program))).FirstOrDefault(File.Exists);
}
